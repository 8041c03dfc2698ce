import type { Channel, ChatMessage } from '../../api/channels.ts';
import { ToRequestModal } from './ToRequestModal.tsx';
import { AlertStatus } from './UrgentAlerts.tsx';

/** Where an urgent alert stands (helper A's status: taken over by whom and when, or still waiting). */
export function AlertLine({ message }: { message: ChatMessage }) {
  if (!message.alert) return null;
  return (
    <div data-testid="alert-status" data-state={message.alert.state}>
      <AlertStatus alert={message.alert} />
    </div>
  );
}

interface ToRequestProps {
  message: ChatMessage;
  channel: Channel;
  opened: boolean;
  onClose: () => void;
}

/** « Créer une demande » from a message (helper B's conversion dialog, mounted only while open). */
export function ToRequestDialog({ opened, ...props }: ToRequestProps) {
  return opened ? <ToRequestModal opened {...props} /> : null;
}
