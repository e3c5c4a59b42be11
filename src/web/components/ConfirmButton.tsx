import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<ButtonProps, 'children' | 'onClick'> {
  /** The button's text, and the title of the confirmation dialog. */
  label: string;
  /** What will happen, in plain words. */
  question: ReactNode;
  /** The confirming button's text; defaults to "ยืนยัน" / "Confirm" (never the same name as the trigger). */
  confirmLabel?: string;
  onConfirm: () => unknown;
  loading?: boolean;
  ariaLabel?: string;
}

/** A destructive action that asks first: a button and its confirmation dialog. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  loading,
  ariaLabel,
  color = 'red.9',
  ...button
}: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);

  async function confirm() {
    await onConfirm();
    close();
  }

  return (
    <>
      <Button color={color} aria-label={ariaLabel} onClick={open} {...button}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={label}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{question}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={color} loading={loading} onClick={() => void confirm()} data-autofocus>
              {confirmLabel ?? t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
