import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { ApprovalDetail } from '../../../api/types';
import { useReportError } from '../../../components/errors';

export type ApprovalAction = 'approve' | 'reject' | 'return' | 'transfer' | 'withdraw' | 'comment';

export interface ActionValues {
  comment?: string;
  reason?: string;
  targetUserId?: number;
}

export const approvalKey = (id: number) => [...keys.approvals, id] as const;

function send(id: number, action: ApprovalAction, values: ActionValues): Promise<ApprovalDetail> {
  const params = { path: { id } };
  const comment = values.comment?.trim() || undefined;
  const reason = values.reason?.trim() ?? '';
  switch (action) {
    case 'approve':
      return call(api.POST('/api/approvals/{id}/approve', { params, body: { comment } }));
    case 'reject':
      return call(api.POST('/api/approvals/{id}/reject', { params, body: { reason } }));
    case 'return':
      return call(api.POST('/api/approvals/{id}/return', { params, body: { reason } }));
    case 'transfer':
      return call(api.POST('/api/approvals/{id}/transfer', { params, body: { targetUserId: values.targetUserId ?? 0, comment } }));
    case 'withdraw':
      return call(api.POST('/api/approvals/{id}/withdraw', { params, body: { comment } }));
    case 'comment':
      return call(api.POST('/api/approvals/{id}/comment', { params, body: { comment: comment ?? '' } }));
  }
}

/**
 * Runs an action on an approval. Afterwards the page shows the answer, and lists, the header
 * count and expense claims refresh. A conflict (someone decided first) is final: its message
 * shows, the page reloads to where things stand, and the dialog closes. Returns true when done.
 */
export function useApprovalAction(id: number) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.approvals });
    void queryClient.invalidateQueries({ queryKey: keys.expenses });
  };
  return async (action: ApprovalAction, values: ActionValues, form?: FormInstance): Promise<boolean> => {
    try {
      const detail = await send(id, action, values);
      queryClient.setQueryData(approvalKey(id), detail);
      void message.success(t(`approval.actionDone.${action}`));
      refresh();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        void message.warning(error.message);
        refresh();
        return true;
      }
      reportError(error, form);
      return false;
    }
  };
}
