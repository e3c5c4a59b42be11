import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeOf } from '../../../core/policy/index.ts';
import type { LinkCodeIssued } from '../../../core/schemas/citizen.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { fieldErrorsFor } from '../../app/validation.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useCan } from '../auth/session.ts';
import { useIssueLinkCode } from './api.ts';

/** `1234 5678`: two groups of four, easy to read aloud or copy onto paper. */
export const groupedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/**
 * "Issue a link code" on the person's profile: a one-time code the person (or
 * the relative they name) uses to make their own account. Shown once, large.
 */
export function IssueLinkCodeDialog({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, setOpened] = useState(false);
  const [relation, setRelation] = useState<'self' | 'proxy'>('self');
  const [proxyName, setProxyName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [issued, setIssued] = useState<LinkCodeIssued | null>(null);
  const issue = useIssueLinkCode(person.id);
  if (person.mergedInto || !can({ action: 'person.linkCode', areaCode: placeOf(person.address) }))
    return null;

  function close() {
    setOpened(false);
    setIssued(null);
    setProxyName('');
    setRelation('self');
    setError(undefined);
    issue.reset();
  }

  function submit() {
    const name = proxyName.trim();
    if (relation === 'proxy' && !name) {
      setError(t('validation.required'));
      return;
    }
    issue.mutate(relation === 'proxy' ? { relation, proxyName: name } : { relation }, {
      onSuccess: setIssued,
      onError: (e) => setError(fieldErrorsFor(e, ['proxyName']).byField.proxyName),
    });
  }

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('citizen.issue.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('citizen.issue.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {issued ? (
          <Stack>
            <div>
              <Text c="dimmed" size="sm">
                {t('citizen.issue.codeFor', {
                  name: `${person.firstName} ${person.lastName}`,
                  who: issued.relation === 'proxy' ? t('citizen.relation.proxy') : t('citizen.relation.self'),
                })}
              </Text>
              <Text
                fw={700}
                data-testid="link-code"
                style={{ fontSize: '2.75rem', letterSpacing: '0.12em', fontVariantNumeric: 'tabular-nums' }}
                my="xs"
              >
                {groupedCode(issued.code)}
              </Text>
              <Text fw={700}>
                {t('citizen.issue.expires')} <DateText value={issued.expiresAt} withTime />
              </Text>
            </div>
            <Notice color="blue" title={t('citizen.issue.howTo', { url: `${window.location.origin}/claim` })}>
              <Text size="sm">{t('citizen.issue.once')}</Text>
            </Notice>
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack>
              <Text>{t('citizen.issue.intro')}</Text>
              {issue.error && <ErrorAlert error={issue.error} shownFields={['proxyName']} />}
              <Radio.Group
                label={t('citizen.issue.relation')}
                value={relation}
                onChange={(v) => {
                  setRelation(v === 'proxy' ? 'proxy' : 'self');
                  setError(undefined);
                }}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="self" label={t('citizen.issue.self')} />
                  <Radio value="proxy" label={t('citizen.issue.proxy')} />
                </Stack>
              </Radio.Group>
              {relation === 'proxy' && (
                <TextInput
                  label={t('citizen.issue.proxyName')}
                  description={t('citizen.issue.proxyNameHint')}
                  required
                  value={proxyName}
                  onChange={(e) => {
                    setProxyName(e.currentTarget.value);
                    setError(undefined);
                  }}
                  error={error}
                />
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={issue.isPending}>
                  {t('citizen.issue.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
