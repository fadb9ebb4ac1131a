import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useReportError } from '../../../components/errors';
import { customerKeys } from '../keys';

/** A one-click change of an account (delete a contact, verify an address, lock, claim): message, fresh card, or the server's error. */
export function useAccountMutation<A = void>(run: (arg: A) => Promise<unknown>, success: string, onError?: (error: unknown) => void) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void message.success(success);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
    onError: (error) => (onError ?? reportError)(error),
  });
}
