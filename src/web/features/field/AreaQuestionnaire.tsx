import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TargetArea } from '../../../contracts/field-turfs.ts';
import { useT } from '../../core/i18n/index.tsx';
import { fieldErrorText } from './fieldErrors.ts';
import { useQuestionnaires } from './questionnaire-hooks.ts';
import { useSetAreaQuestionnaire } from './turfHooks.ts';

const LATEST = 'latest';

/** Which questionnaire the area's turfs carry to the phones: a chosen one, or the latest. */
export function AreaQuestionnaire({ area }: { area: TargetArea }) {
  const t = useT();
  const questionnaires = useQuestionnaires();
  const save = useSetAreaQuestionnaire(area.id);
  const active = (questionnaires.data?.items ?? []).filter(
    (q) => !q.archived || q.id === area.questionnaireId,
  );
  const options = [
    { value: LATEST, label: t('field.area.questionnaireLatest') },
    ...active.map((q) => ({
      value: String(q.id),
      label: q.archived ? t('field.area.questionnaireArchived', { name: q.name }) : q.name,
    })),
  ];
  return (
    <Select
      label={t('field.area.questionnaire')}
      description={t('field.area.questionnaireHelp')}
      data={options}
      value={area.questionnaireId === null ? LATEST : String(area.questionnaireId)}
      allowDeselect={false}
      disabled={questionnaires.isLoading || save.isPending}
      maw={420}
      onChange={(value) =>
        save.mutate(value === LATEST || value === null ? null : Number(value), {
          onSuccess: () =>
            notifications.show({ color: 'green', message: t('field.area.questionnaireSaved') }),
          onError: (failure) =>
            notifications.show({ color: 'red', message: fieldErrorText(failure, t) }),
        })
      }
    />
  );
}
