import { Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './timeline.module.css';

/** A size in Ko / Mo (French units), numbers in the UI language. */
export function useFileSize() {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 });
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('requests.files.mo', { n: nf.format(bytes / 1024 / 1024) })
      : t('requests.files.ko', { n: Math.max(1, Math.round(bytes / 1024)) });
}

interface Props {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}

/**
 * Attachments by drag and drop, or through a real button opening the file picker (the keyboard and
 * screen-reader path); the chosen files are listed with a remove button each.
 */
export function FileDrop({ files, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const size = useFileSize();
  const add = (list: FileList | null) => {
    if (list?.length) onChange([...files, ...Array.from(list)]);
  };
  const over = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setDragging(true);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled) add(e.dataTransfer.files);
  };
  return (
    <Stack gap={6}>
      <Group
        gap={6}
        className={classes.drop}
        data-dragging={dragging || undefined}
        onDragOver={over}
        onDragEnter={over}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="file-drop"
      >
        <IconPaperclip size={16} aria-hidden />
        <Text size="sm">{t('requests.files.drop')}</Text>
        <Button variant="subtle" size="compact-sm" onClick={() => input.current?.click()} disabled={disabled}>
          {t('requests.files.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t('requests.files.input')}
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </Group>
      {files.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('requests.files.pending')}
          </Text>
          {files.map((f, i) => (
            <Group key={`${f.name}-${f.size}-${f.lastModified}`} gap={4}>
              <Text size="sm">
                {f.name} ({size(f.size)})
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('requests.files.remove', { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
