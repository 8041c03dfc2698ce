import { PasswordInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TextProps {
  value: string;
  error: string | undefined;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

interface Props {
  passwordLabel: string;
  /** `form.text` of a form with `password` and `repeat` fields. */
  text: (key: 'password' | 'repeat') => TextProps;
}

/** A new password and its confirmation (first-run setup, reset link). */
export function NewPasswordFields({ passwordLabel, text }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput label={passwordLabel} autoComplete="new-password" required withAsterisk={false} {...text('password')} />
      <PasswordInput
        label={t('auth.confirmPassword')}
        autoComplete="new-password"
        required
        withAsterisk={false}
        {...text('repeat')}
      />
    </>
  );
}
