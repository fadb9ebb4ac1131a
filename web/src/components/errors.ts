import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Marks each field the server blamed on the form; '(body)' and unknown paths stay in the message only. */
export function markFields(form: FormInstance, error: ApiError) {
  const known = error.fields.filter((f) => f.field !== '(body)');
  if (known.length) form.setFields(known.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
}

/** Shows an API error as a message (already in the user's language) and on the form's fields when given one. */
export function useReportError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiError) {
        if (form) markFields(form, error);
        void message.error(error.message);
      } else {
        void message.error(t('error.network'));
      }
    },
    [message, t],
  );
}

export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
