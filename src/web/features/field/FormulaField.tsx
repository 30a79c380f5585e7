import { Button, Code, Group, List, Stack, Text, Textarea } from '@mantine/core';
import {
  DEFAULT_PRIORITY_FORMULA,
  FORMULA_MAX_LENGTH,
  formulaVariables,
  parseFormula,
  PERSUADABLE_PRIORITY_FORMULA,
  type FormulaVariable,
} from '../../../contracts/field-formula.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { formulaProblemText } from './fieldErrors.ts';

const variableHelp: Record<FormulaVariable, MessageKey> = {
  inscrits: 'field.formula.var.inscrits',
  votants: 'field.formula.var.votants',
  abstentions: 'field.formula.var.abstentions',
  exprimes: 'field.formula.var.exprimes',
  voix: 'field.formula.var.voix',
  abstention: 'field.formula.var.abstention',
  participation: 'field.formula.var.participation',
  score: 'field.formula.var.score',
};

/** The problem of a formula as it is typed, or null when it reads. */
export function useFormulaProblem(formula: string): string | null {
  const t = useT();
  const parsed = parseFormula(formula);
  return parsed.ok ? null : formulaProblemText(parsed.problem, t);
}

/** The priority formula: typed with its problem shown at once, two ready-made ones, the words it knows. */
export function FormulaField({
  value,
  onChange,
  serverError,
}: {
  value: string;
  onChange: (formula: string) => void;
  serverError?: string | null;
}) {
  const t = useT();
  const problem = useFormulaProblem(value);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('field.formula.label')}
        description={t('field.formula.help')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={problem ?? serverError}
        autosize
        minRows={1}
        maxLength={FORMULA_MAX_LENGTH}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => onChange(DEFAULT_PRIORITY_FORMULA)}>
          {t('field.formula.presetDefault')}
        </Button>
        <Button variant="default" size="xs" onClick={() => onChange(PERSUADABLE_PRIORITY_FORMULA)}>
          {t('field.formula.presetPersuadable')}
        </Button>
      </Group>
      <details>
        <summary>
          <Text component="span" size="sm">
            {t('field.formula.variables')}
          </Text>
        </summary>
        <List size="sm" mt="xs" spacing={2}>
          {formulaVariables.map((name) => (
            <List.Item key={name}>
              <Code>{name}</Code> — {t(variableHelp[name])}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="xs">
          {t('field.formula.syntax')}
        </Text>
      </details>
    </Stack>
  );
}
