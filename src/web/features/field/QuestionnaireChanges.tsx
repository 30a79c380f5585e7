import { List, Stack, Text } from '@mantine/core';
import {
  definitionDiff,
  isSameDefinition,
  type QuestionnaireDefinition,
} from '../../../contracts/field-questionnaires.ts';
import type { Questionnaire } from '../../../contracts/field-visits.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';

const settingKeys: Record<string, MessageKey> = {
  intro: 'field.questionnaire.intro',
  consentText: 'field.questionnaire.consentText',
  opinionConsentText: 'field.questionnaire.opinionConsentText',
  contactCapture: 'field.questionnaire.contact',
};

export interface Changes {
  name: string;
  /** Parsed: defaults filled in and texts trimmed, as the server compares them. */
  definition: QuestionnaireDefinition;
}

/** Whether saving would change anything at all. */
export const hasChanges = (before: Questionnaire, after: Changes) =>
  before.name !== after.name.trim() ||
  !isSameDefinition(before.current.definition, after.definition);

/**
 * What saving changes, said before it is done: the questions added, removed, changed or moved,
 * the other parts, and whether a new version is made (answers already given keep theirs).
 */
export function QuestionnaireChanges({
  before,
  after,
  saving,
  onCancel,
  onConfirm,
}: {
  before: Questionnaire;
  after: Changes | null;
  saving: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  const title = t('field.questionnaire.changesTitle');
  return (
    <AppModal opened={after !== null} onClose={onCancel} title={title} size="lg">
      {after && <ChangeList before={before} after={after} />}
      <Stack mt="md">
        <ModalFooter
          onCancel={onCancel}
          onConfirm={onConfirm}
          loading={saving}
          confirmLabel={t('field.questionnaire.confirmSave')}
        />
      </Stack>
    </AppModal>
  );
}

function ChangeList({ before, after }: { before: Questionnaire; after: Changes }) {
  const t = useT();
  const old = before.current.definition;
  const diff = definitionDiff(old, after.definition);
  const same = isSameDefinition(old, after.definition);
  const labelOf = (id: string, from: QuestionnaireDefinition) =>
    from.questions.find((q) => q.id === id)?.label ?? id;
  const lines: Array<{ key: MessageKey; items: string[] }> = [
    {
      key: 'field.questionnaire.diffAdded',
      items: diff.added.map((id) => labelOf(id, after.definition)),
    },
    { key: 'field.questionnaire.diffRemoved', items: diff.removed.map((id) => labelOf(id, old)) },
    {
      key: 'field.questionnaire.diffChanged',
      items: diff.changed.map((id) => labelOf(id, after.definition)),
    },
    {
      key: 'field.questionnaire.diffSettings',
      items: diff.settings.map((key) => (settingKeys[key] ? t(settingKeys[key]) : key)),
    },
  ];
  const renamed = before.name !== after.name.trim();
  const version = before.current.version;
  return (
    <Stack gap="sm">
      <List spacing={4} size="sm">
        {renamed && (
          <List.Item>
            {t('field.questionnaire.diffRenamed', {
              before: before.name,
              after: after.name.trim(),
            })}
          </List.Item>
        )}
        {lines
          .filter((line) => line.items.length > 0)
          .map((line) => (
            <List.Item key={line.key}>
              {t(line.key, {
                count: line.items.length,
                items: line.items
                  .map((text) => t('field.questionnaire.quoted', { text }))
                  .join(', '),
              })}
            </List.Item>
          ))}
        {diff.reordered && <List.Item>{t('field.questionnaire.diffReordered')}</List.Item>}
      </List>
      <Text size="sm" fw={500}>
        {same
          ? t('field.questionnaire.sameVersion', { version })
          : t('field.questionnaire.newVersion', {
              version: version + 1,
              current: version,
              answered: before.answered,
            })}
      </Text>
    </Stack>
  );
}
