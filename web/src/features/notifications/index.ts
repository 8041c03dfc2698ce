export { NotificationsPage } from './NotificationsPage.tsx';
export { OutboxPage } from './OutboxPage.tsx';
