import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Person } from '../../../../core/schemas/index.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../../components/notifySuccess.ts';
import { useMergePerson } from '../api.ts';
import { personName } from '../labels.ts';
import { PersonSelect } from '../PersonSelect.tsx';

/** For area admins: fold this duplicate record into the one that stays. Asks before doing it. */
export function MergeDialog({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [into, setInto] = useState<Person | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ into?: string; reason?: string }>({});
  const merge = useMergePerson(person.id);
  const title = t('persons.merge.action');

  function close() {
    setOpened(false);
    setInto(null);
    setReason('');
    setErrors({});
    merge.reset();
  }

  function submit() {
    const problems = {
      into: into ? undefined : t('validation.required'),
      reason: reason.trim().length >= 3 ? undefined : t('validation.minLength', { min: 3 }),
    };
    setErrors(problems);
    if (!into || problems.reason) return;
    merge.mutate(
      { intoId: into.id, reason: reason.trim() },
      {
        onSuccess: (survivor) => {
          notifySuccess(t('persons.merge.done'));
          close();
          navigate(`/persons/${survivor.id}`);
        },
      },
    );
  }

  return (
    <>
      <Button variant="outline" onClick={() => setOpened(true)}>
        {title}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text size="sm">{t('persons.merge.intro')}</Text>
            {merge.error && <ErrorAlert error={merge.error} />}
            <PersonSelect
              label={t('persons.merge.target')}
              required
              value={into?.id ?? null}
              onChange={(_, p) => setInto(p)}
              exclude={[person.id]}
              error={errors.into}
            />
            <Textarea
              label={t('persons.merge.reason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
            {into && (
              <Text fw={700} role="status">
                {t('persons.merge.question', { from: personName(person, t), into: personName(into, t) })}
              </Text>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={merge.isPending}>
                {t('common.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
