import { Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { geoApi } from '../../../contracts/geo-api.ts';
import type { Commune } from '../../../contracts/geo.ts';
import { ApiError, call } from '../api.ts';
import { translateCode } from '../errors.ts';
import { useT } from '../i18n/index.tsx';

export interface PostalLookup {
  /** Communes of a complete postal code (empty while unknown). */
  communes: Commune[];
  /** True when the visitor must choose among several communes. */
  needsChoice: boolean;
  /** True when the complete postal code is not a French one (the form must stay invalid). */
  unknown: boolean;
  loading: boolean;
}

/**
 * Looks up a French postal code and keeps the commune in step: one commune is picked
 * automatically, several ask for a choice, an unknown code becomes an error on the field.
 */
export function usePostalLookup(
  postalCode: string,
  communeCode: string,
  setCommuneCode: (code: string) => void,
  setPostalError: (message: string) => void,
): PostalLookup {
  const t = useT();
  const code = postalCode.replace(/\s/g, '');
  const complete = /^\d{5}$/.test(code);
  const query = useQuery({
    queryKey: ['geo', 'postal-code', code],
    queryFn: () => call(geoApi.postalCode, { params: { code } }),
    enabled: complete,
    staleTime: Infinity,
    retry: false,
  });
  // Callbacks live in refs so callers may pass inline functions without re-running effects.
  const setCommuneRef = useRef(setCommuneCode);
  const setErrorRef = useRef(setPostalError);
  useEffect(() => {
    setCommuneRef.current = setCommuneCode;
    setErrorRef.current = setPostalError;
  });
  const data = query.data;
  const communes = complete ? (data?.communes ?? []) : [];
  const error = complete ? query.error : null;

  useEffect(() => {
    const list = complete ? (data?.communes ?? []) : [];
    if (list.length === 1) {
      if (communeCode !== list[0].code) setCommuneRef.current(list[0].code);
    } else if (list.length > 1) {
      if (communeCode && !list.some((c) => c.code === communeCode)) setCommuneRef.current('');
    } else if (!complete && communeCode) {
      setCommuneRef.current('');
    }
  }, [data, communeCode, complete]);

  const unknown =
    error instanceof ApiError && (error.status === 404 || error.code === 'unknown_postal_code');
  useEffect(() => {
    if (unknown) setErrorRef.current(translateCode('unknown_postal_code', t));
  }, [unknown, error, t]);

  return {
    communes,
    needsChoice: communes.length > 1,
    unknown,
    loading: complete && query.isFetching,
  };
}

interface CommuneFieldProps {
  lookup: PostalLookup;
  value: string;
  onChange: (code: string) => void;
  error?: ReactNode;
}

/** The commune part of an address: a name when the postal code has one, a choice when several. */
export function CommuneField({ lookup, value, onChange, error }: CommuneFieldProps) {
  const t = useT();
  if (lookup.communes.length === 1) {
    return (
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('geo.communeIs', { name: lookup.communes[0].name })}
      </Text>
    );
  }
  if (!lookup.needsChoice) return null;
  return (
    <Select
      label={t('geo.commune')}
      placeholder={t('geo.chooseCommune')}
      required
      data={lookup.communes.map((c) => ({ value: c.code, label: c.name }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      allowDeselect={false}
      searchable={lookup.communes.length > 8}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** What a form with a postal code and a commune offers the place rules. */
interface PlaceForm {
  values: { postalCode: string; communeCode: string };
  setFieldValue: (path: 'communeCode', value: string) => void;
  setFieldError: (path: 'postalCode', error: string) => void;
}

/**
 * The place rules of a person form: validators for postal code and commune, which depend on
 * what the postal-code lookup found (known only once the form exists: `useLookup` wires it,
 * after `useForm`).
 */
export function usePlaceRules() {
  const t = useT();
  const found = useRef({ needsChoice: false, unknown: false });
  return {
    validate: {
      // Validation replaces the lookup's error: an unknown code must stay flagged.
      postalCode: () => (found.current.unknown ? t('error.unknown_postal_code') : null),
      communeCode: (value: string) =>
        found.current.needsChoice && !value ? t('error.commune_required') : null,
    },
    /** The lookup for the form's postal code, keeping the commune and the rules in step. */
    useLookup(form: PlaceForm): PostalLookup {
      const lookup = usePostalLookup(
        form.values.postalCode,
        form.values.communeCode,
        (code) => form.setFieldValue('communeCode', code),
        (message) => form.setFieldError('postalCode', message),
      );
      found.current = { needsChoice: lookup.needsChoice, unknown: lookup.unknown };
      return lookup;
    },
  };
}
