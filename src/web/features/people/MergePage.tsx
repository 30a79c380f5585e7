import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CustomField } from '../../../contracts/custom-fields.ts';
import type { MergeField, MergePreview } from '../../../contracts/duplicates.ts';
import { formatDateTime, formatPhone, fullName } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { customValueText } from './CustomFieldInput.tsx';
import { useCustomFields } from './customFieldsHooks.ts';
import { mergeErrorText, reasonKeys } from './duplicateLabels.ts';
import { useDismissPair, useMerge, useMergePreview } from './duplicatesHooks.ts';
import { localeName } from './labels.ts';

type Side = MergePreview['first'];

const recordFields: Array<{ field: MergeField; label: MessageKey; show: (p: Side) => string }> = [
  { field: 'email', label: 'field.email', show: (p) => p.email ?? '' },
  { field: 'firstName', label: 'field.firstName', show: (p) => p.firstName ?? '' },
  { field: 'lastName', label: 'field.lastName', show: (p) => p.lastName ?? '' },
  { field: 'phone', label: 'field.phone', show: (p) => formatPhone(p.phone) },
  {
    field: 'address',
    label: 'duplicates.address',
    show: (p) => [p.address, p.postalCode, p.communeName].filter(Boolean).join(' '),
  },
  { field: 'locale', label: 'field.locale', show: (p) => localeName(p.locale) },
];

function Choice({
  name,
  label,
  values,
  chosen,
  onChoose,
  ids,
}: {
  name: string;
  label: string;
  values: [string, string];
  chosen: number;
  onChoose: (id: number) => void;
  ids: [number, number];
}) {
  const differ = values[0] !== values[1] && values[0] !== '' && values[1] !== '';
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      {ids.map((id, i) => (
        <Table.Td key={id} style={{ overflowWrap: 'anywhere' }}>
          {differ ? (
            <Radio
              name={name}
              checked={chosen === id}
              onChange={() => onChoose(id)}
              label={values[i]}
              aria-label={`${label} : ${values[i]}`}
            />
          ) : (
            values[i] || '—'
          )}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

function Info({ label, cells }: { label: string; cells: [ReactNode, ReactNode] }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{cells[0]}</Table.Td>
      <Table.Td>{cells[1]}</Table.Td>
    </Table.Tr>
  );
}

function Comparison({ preview, fields }: { preview: MergePreview; fields: CustomField[] }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const merge = useMerge();
  const dismiss = useDismissPair();
  const { first, second } = preview;
  const ids: [number, number] = [first.id, second.id];
  const sides = [first, second] as const;
  // The older record is kept by default: links and recruitment codes given out point at it.
  const [keptId, setKeptId] = useState(
    new Date(first.createdAt) <= new Date(second.createdAt) ? first.id : second.id,
  );
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState(false);
  const pick = (key: string, value: (p: Side) => string) => {
    if (chosen[key]) return chosen[key];
    const kept = keptId === first.id ? first : second;
    const other = kept === first ? second : first;
    return value(kept) === '' && value(other) !== '' ? other.id : kept.id;
  };
  const name = (p: Side) => fullName(p.firstName, p.lastName) || t('people.noName');
  const fieldLabel = (f: CustomField) => (locale === 'en' ? f.labelEn : f.labelFr);

  const submit = () => {
    const kept = keptId === first.id ? first : second;
    const merged = kept === first ? second : first;
    const side = (id: number) => (id === kept.id ? 'kept' : 'merged');
    merge.mutate(
      {
        keptId: kept.id,
        mergedId: merged.id,
        choose: Object.fromEntries(
          recordFields.map(({ field, show }) => [field, side(pick(field, show))]),
        ),
        customFields: Object.fromEntries(
          fields.map((f) => [
            f.key,
            side(pick(`cf.${f.key}`, (p) => customValueText(f, p.customFields[f.key], locale))),
          ]),
        ),
        versions: { kept: kept.version, merged: merged.version },
      },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'green', message: t('duplicates.merged') });
          void navigate(`/hq/people/${result.keptId}`);
        },
        onError: () => setConfirming(false),
      },
    );
  };

  return (
    <Stack gap="md">
      <Group gap={4}>
        {preview.reasons.map((reason) => (
          <Badge key={reason} variant="light" tt="none">
            {t(reasonKeys[reason])}
          </Badge>
        ))}
        {preview.dismissed && <Badge color="gray">{t('duplicates.dismissedBadge')}</Badge>}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('duplicates.field')}</Table.Th>
              {sides.map((p) => (
                <Table.Th scope="col" key={p.id}>
                  <Anchor component={Link} to={`/hq/people/${p.id}`}>
                    {name(p)} (#{p.id})
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('duplicates.keep')}</Table.Th>
              {sides.map((p) => (
                <Table.Td key={p.id}>
                  <Radio
                    name="kept"
                    checked={keptId === p.id}
                    onChange={() => setKeptId(p.id)}
                    label={t('duplicates.keepThis', { id: p.id })}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
            {recordFields.map(({ field, label, show }) => (
              <Choice
                key={field}
                name={field}
                label={t(label)}
                ids={ids}
                values={[show(first), show(second)]}
                chosen={pick(field, show)}
                onChoose={(id) => setChosen((c) => ({ ...c, [field]: id }))}
              />
            ))}
            {fields.map((f) => {
              const show = (p: Side) => customValueText(f, p.customFields[f.key], locale);
              return (
                <Choice
                  key={f.key}
                  name={`cf.${f.key}`}
                  label={fieldLabel(f)}
                  ids={ids}
                  values={[show(first), show(second)]}
                  chosen={pick(`cf.${f.key}`, show)}
                  onChoose={(id) => setChosen((c) => ({ ...c, [`cf.${f.key}`]: id }))}
                />
              );
            })}
            <Info
              label={t('people.tags')}
              cells={[first.tags.join(', ') || '—', second.tags.join(', ') || '—']}
            />
            <Info
              label={t('people.consents')}
              cells={
                [first, second].map(
                  (p) =>
                    (['email', 'sms', 'phone'] as const)
                      .filter((c) => p.consents[c])
                      .map((c) => t(`consent.${c}Short`))
                      .join(', ') || '—',
                ) as [string, string]
              }
            />
            <Info
              label={t('duplicates.account')}
              cells={
                [first, second].map((p) => (p.hasAccount ? t('common.yes') : t('common.no'))) as [
                  string,
                  string,
                ]
              }
            />
            <Info
              label={t('people.createdAt')}
              cells={[
                formatDateTime(first.createdAt, locale),
                formatDateTime(second.createdAt, locale),
              ]}
            />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed">
        {t('duplicates.mergeExplained')}
      </Text>
      <ErrorAlert message={merge.isError ? mergeErrorText(merge.error, t) : null} />
      <ErrorAlert message={dismiss.isError ? mergeErrorText(dismiss.error, t) : null} />
      {confirming ? (
        <Alert color="orange" title={t('duplicates.confirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">
              {t('duplicates.confirmText', {
                merged: keptId === first.id ? second.id : first.id,
                kept: keptId,
              })}
            </Text>
            <Group>
              <Button color="orange" loading={merge.isPending} onClick={submit}>
                {t('duplicates.confirmMerge')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group>
          <Button onClick={() => setConfirming(true)}>{t('duplicates.merge')}</Button>
          {!preview.dismissed && (
            <Button
              variant="default"
              loading={dismiss.isPending}
              onClick={() =>
                dismiss.mutate(
                  { firstId: first.id, secondId: second.id },
                  {
                    onSuccess: () => {
                      notifications.show({ message: t('duplicates.dismissed') });
                      void navigate('/hq/duplicates');
                    },
                  },
                )
              }
            >
              {t('duplicates.notDuplicate')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Two people side by side: which record stays, which values win, then merge or dismiss. */
export function MergePage() {
  const t = useT();
  usePageTitle(t('duplicates.compareTitle'));
  const params = useParams();
  const preview = useMergePreview(Number(params.first), Number(params.second));
  const fields = useCustomFields();
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/hq/duplicates">
          {t('duplicates.title')}
        </Anchor>
        <Text>{t('duplicates.compareTitle')}</Text>
      </Breadcrumbs>
      <Title order={1}>{t('duplicates.compareTitle')}</Title>
      <QueryState query={preview}>
        {(data) => <Comparison preview={data} fields={fields.data ?? []} />}
      </QueryState>
    </Stack>
  );
}
