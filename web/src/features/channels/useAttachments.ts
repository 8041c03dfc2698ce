import { useState } from 'react';
import type { MessageAttachment } from '../../api/channels.ts';
import { uploadMessageFile } from '../../api/chat-extras.ts';
import { isApiError } from '../../api/client.ts';

/**
 * Files picked in the composer, each uploaded at once (`POST /api/channels/:id/attachments`, with progress)
 * and sent with the message as `attachmentIds`; a refused file (413/415) reports the server's message.
 */
export function useAttachments(channelId: string, onError: (message: string) => void) {
  const [files, setFiles] = useState<MessageAttachment[]>([]);
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null);
  const add = async (picked: File[]) => {
    for (const file of picked) {
      setUploading({ name: file.name, progress: 0 });
      try {
        const done = await uploadMessageFile(channelId, file, (progress) => setUploading({ name: file.name, progress }));
        setFiles((list) => [...list, done]);
      } catch (e) {
        onError(isApiError(e) ? e.message : file.name);
      }
    }
    setUploading(null);
  };
  const remove = (id: string) => setFiles((list) => list.filter((f) => f.id !== id));
  return { files, uploading, add, remove, clear: () => setFiles([]) };
}
