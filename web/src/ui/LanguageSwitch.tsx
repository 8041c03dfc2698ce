import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMe } from '../api/me.ts';
import { isLocale } from '../i18n/index.ts';

/** FR / EN switch; also saves the choice on the account when signed in. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const update = useUpdateMe();
  const change = (value: string) => {
    if (!isLocale(value)) return;
    void i18n.changeLanguage(value);
    if (me.data) update.mutate({ locale: value });
  };
  return (
    <SegmentedControl
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'fr'}
      onChange={change}
      aria-label={t('header.language')}
      data={[
        { value: 'fr', label: <span title={t('languages.fr')}>FR</span> },
        { value: 'en', label: <span title={t('languages.en')}>EN</span> },
      ]}
    />
  );
}
