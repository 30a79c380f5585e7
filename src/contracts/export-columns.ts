/**
 * The columns of the people export's machine format (`format=csv`), in order. Custom fields
 * add one column each after these, so their keys may not take one of these names.
 */
export const exportColumns = [
  'id',
  'email',
  'first_name',
  'last_name',
  'phone',
  'postal_code',
  'commune_code',
  'commune_name',
  'departement_code',
  'source',
  'confirmed',
  'consent_email',
  'consent_sms',
  'consent_phone',
  'tags',
  'created_at',
  'address_street',
  'address_complement',
  'recruited_by',
  'recruiter_name',
  'utm_source',
  'utm_medium',
  'utm_campaign',
] as const;
