import {
  createTheme,
  FileInput,
  MultiSelect,
  NativeSelect,
  PasswordInput,
  Select,
  TagsInput,
  Textarea,
  TextInput,
  type CSSVariablesResolver,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  focusRing: 'auto',
  defaultRadius: 'md',
  // Optional fields say "optional" instead; labels stay plain text ("Nom", not "Nom *").
  components: {
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    Select: Select.extend({ defaultProps: { withAsterisk: false } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { withAsterisk: false } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { withAsterisk: false } }),
    TagsInput: TagsInput.extend({ defaultProps: { withAsterisk: false } }),
    Textarea: Textarea.extend({ defaultProps: { withAsterisk: false } }),
    FileInput: FileInput.extend({ defaultProps: { withAsterisk: false } }),
  },
});

/**
 * Status colours at shade 7 fall below WCAG AA (4.5:1) as text on white or on their own light
 * tint, and under white text when filled. Green and orange stay short even at shade 9, hence the
 * darker hand-picked values (≥ 5:1 on white and on the light tint).
 */
const strongShades: Record<string, string> = {
  red: 'var(--mantine-color-red-9)',
  blue: 'var(--mantine-color-blue-9)',
  green: '#237032',
  orange: '#b63d0c',
};

function strongColorVariables(): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(strongShades)) {
    for (const role of ['filled', 'filled-hover', 'light-color', 'outline', 'text']) {
      variables[`--mantine-color-${name}-${role}`] = value;
    }
  }
  return variables;
}

// Raise the contrast of secondary text and status colours to WCAG AA.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Disabled buttons still carry a label people need to read; the grey fill marks them off.
    '--mantine-color-disabled-color': 'var(--mantine-color-gray-7)',
    ...strongColorVariables(),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
