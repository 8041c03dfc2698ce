import { notifications } from '@mantine/notifications';
import { isApiError } from '../api/client.ts';

/** A failed action in a red notification: the server's message (already in the user's language), else `fallback`. */
export function notifyError(err: unknown, fallback: string): void {
  notifications.show({ message: isApiError(err) ? err.message : fallback, color: 'red' });
}
