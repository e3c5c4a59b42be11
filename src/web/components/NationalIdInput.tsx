import { Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nationalIdProblem, normalizeNationalId } from '../../core/thai/nationalId.ts';

/** Digits as typed so far, grouped like the card: 1-2345-67890-12-3. */
export function groupNationalId(input: string): string {
  const digits = normalizeNationalId(input).replace(/\D/g, '').slice(0, 13);
  const groups = [1, 4, 5, 2, 1];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join('-');
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** An error from elsewhere (the server, a duplicate) shown instead of the live check. */
  error?: ReactNode;
  required?: boolean;
  description?: string;
}

/**
 * The Thai national ID on a numeric keypad, grouped as it is printed on the
 * card, with the check digit verified as soon as the 13th digit is typed.
 */
export function NationalIdInput({ label, value, onChange, error, required, description }: Props) {
  const { t } = useTranslation();
  const digits = value.replace(/\D/g, '');
  const problem = digits.length === 13 ? nationalIdProblem(digits) : null;
  const live =
    digits.length === 0
      ? (description ?? '')
      : digits.length < 13
        ? t('persons.id.typed', { count: digits.length })
        : problem
          ? ''
          : t('persons.id.valid');
  const shownError = error ?? (problem === 'check_digit' ? t('persons.id.checkDigit') : undefined);

  return (
    <div>
      <TextInput
        label={label}
        required={required}
        value={value}
        onChange={(e) => onChange(groupNationalId(e.currentTarget.value))}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={17}
        placeholder="1-2345-67890-12-3"
        size="md"
        styles={{
          input: { fontSize: '1.25rem', letterSpacing: '0.05em', fontVariantNumeric: 'tabular-nums' },
        }}
        description={shownError ? undefined : live}
        error={shownError}
        rightSection={digits.length === 13 && !problem && !error ? <ValidMark /> : undefined}
      />
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {digits.length === 13 ? (shownError ? String(shownError) : t('persons.id.valid')) : ''}
      </VisuallyHidden>
    </div>
  );
}

function ValidMark() {
  return (
    <Text c="teal.9" fw={700} aria-hidden="true">
      ✓
    </Text>
  );
}
