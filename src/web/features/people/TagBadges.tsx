import { Badge, Group } from '@mantine/core';

/** A person's tags as small badges, in the list's table and cards alike. */
export function TagBadges({ tags }: { tags: string[] }) {
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} size="sm" variant="light" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
