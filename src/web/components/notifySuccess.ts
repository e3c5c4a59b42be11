import { notifications } from '@mantine/notifications';
import { i18n } from '../app/i18n/index.ts';

/**
 * A green toast whose close button is named in the reader's language (Mantine
 * leaves it unnamed, which axe reports as a critical problem).
 */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'teal.9',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
