import { SimpleGrid, Text, type SimpleGridProps } from '@mantine/core';

/** A figure under its label, in a description list. */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} fz="lg" m={0}>
        {value}
      </Text>
    </div>
  );
}

/** Figures side by side, named for assistive technology. */
export function Figures({
  label,
  items,
  cols = { base: 2, sm: 3, md: 6 },
}: {
  label: string;
  items: ReadonlyArray<{ label: string; value: string }>;
  cols?: SimpleGridProps['cols'];
}) {
  return (
    <SimpleGrid cols={cols} spacing="xs" component="dl" m={0} aria-label={label}>
      {items.map((item) => (
        <Figure key={item.label} label={item.label} value={item.value} />
      ))}
    </SimpleGrid>
  );
}
