import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { keys } from '../api/queries';
import { useReportError } from './errors';

/** "I have read it" (ORG-7): the home page and the policy page both offer it and both refresh. */
export function useAcknowledgePolicy() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  return useMutation({
    mutationFn: (id: number) => call(api.POST('/api/org/policies/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('policy.acknowledged'));
      void queryClient.invalidateQueries({ queryKey: keys.home });
      void queryClient.invalidateQueries({ queryKey: keys.policies });
    },
    onError: (error) => reportError(error),
  });
}
