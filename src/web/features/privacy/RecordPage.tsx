import { Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { privacyApi } from '../../../contracts/privacy-api.ts';
import type { LegalBasisName } from '../../../contracts/privacy.ts';
import { urlOf } from '../../core/api.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useProcessingRecord } from './hooks.ts';

const basisKey = (basis: LegalBasisName) => `privacy.basis.${basis}` as const;

/** The record of processing activities (art. 30), as the personal-data registry builds it. */
export function RecordPage() {
  const t = useT();
  const [lang] = useLocale();
  usePageTitle(t('privacy.record.title'));
  const record = useProcessingRecord(lang);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('privacy.record.title')}</Title>
        <Button
          component="a"
          href={urlOf(privacyApi.recordDocument, { query: { lang } })}
          download
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('privacy.record.download')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('privacy.record.intro')}
      </Text>
      <QueryState query={record}>
        {(data) => (
          <Stack gap="md">
            <Text fw={500}>{t('privacy.record.controller', { name: data.controller })}</Text>
            {data.activities.map((a) => (
              <Section key={a.feature} title={a.name}>
                <Table variant="vertical" withTableBorder layout="fixed">
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th w={200}>{t('privacy.record.purpose')}</Table.Th>
                      <Table.Td>{a.purpose}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('privacy.record.legalBasis')}</Table.Th>
                      <Table.Td>
                        <Group gap={4}>
                          {a.legalBasis.map((b) => (
                            <Badge key={b} variant="light">
                              {t(basisKey(b))}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('privacy.record.people')}</Table.Th>
                      <Table.Td>{a.people}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('privacy.record.data')}</Table.Th>
                      <Table.Td>{a.data}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('privacy.record.recipients')}</Table.Th>
                      <Table.Td>{a.recipients}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('privacy.record.retention')}</Table.Th>
                      <Table.Td>{a.retention}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('privacy.record.tables')}</Table.Th>
                      <Table.Td>
                        <List size="xs" lang="en">
                          {a.tables.map((x) => (
                            <List.Item key={x.table}>
                              <Text component="span" ff="monospace" size="xs">
                                {x.table}
                              </Text>{' '}
                              {x.holds}
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Section>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
