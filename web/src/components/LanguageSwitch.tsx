import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Me } from '../api/types';
import { currentLanguage, type Language, languages } from '../i18n';
import { meKey } from '../session';
import { useReportError } from './errors';

/** 中文 / English. A signed-in user's choice is saved on the server so its messages follow; otherwise it stays in this browser. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const reportError = useReportError();

  const change = async (language: Language) => {
    await i18n.changeLanguage(language);
    if (!signedIn) return;
    try {
      await call(api.PUT('/api/auth/locale', { body: { locale: language } }));
      queryClient.setQueryData<Me>(meKey, (me) => me && { ...me, user: { ...me.user, locale: language } });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.switch')}
      value={currentLanguage()}
      options={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void change(language)}
    />
  );
}
