import type { ImportField } from '../../../contracts/people.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const importFieldKeys: Record<ImportField, MessageKey> = {
  email: 'field.email',
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  phone: 'field.phone',
  postalCode: 'field.postalCode',
  communeCode: 'import.field.communeCode',
  addressStreet: 'person.addressStreet',
  addressComplement: 'person.addressComplement',
  tags: 'people.tags',
  consentEmail: 'filter.consentEmail',
  consentSms: 'filter.consentSms',
  consentPhone: 'filter.consentPhone',
};
