import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import type { PhoneBank } from '../../../../contracts/phone-banks.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { PageLoader } from '../../../core/ui/PageLoader.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { CallingLayout } from '../CallingLayout.tsx';
import { BankForm } from './BankForm.tsx';
import { useCommitteeName, usePhoneBank } from './hooks.ts';
import { isEditable } from './labels.ts';

/** A new phone bank, saved as a draft. */
export function NewPhoneBankPage() {
  const t = useT();
  return (
    <CallingLayout title={t('banks.new.title')} intro={t('banks.new.intro')}>
      <BankForm bank={null} />
    </CallingLayout>
  );
}

/** The form once the committee's name is known (its number if it cannot be read). */
function EditForm({ bank }: { bank: PhoneBank }) {
  const committee = useCommitteeName(bank.committeeId);
  if (bank.committeeId !== null && committee.isPending) return <PageLoader />;
  return <BankForm key={bank.id} bank={bank} committeeName={committee.data ?? null} />;
}

/** A bank's settings, until it is closed (its audience only while it is a draft). */
export function EditPhoneBankPage() {
  const t = useT();
  const id = Number(useParams().id);
  const bank = usePhoneBank(id);
  return (
    <CallingLayout
      title={bank.data ? t('banks.edit.title', { name: bank.data.name }) : t('banks.list.title')}
      intro={bank.data?.status === 'draft' ? t('banks.edit.introDraft') : t('banks.edit.intro')}
    >
      <QueryState query={bank}>
        {(data) =>
          isEditable(data.status) ? (
            <EditForm bank={data} />
          ) : (
            <Alert color="orange">{t('banks.error.phone_bank_closed')}</Alert>
          )
        }
      </QueryState>
    </CallingLayout>
  );
}
