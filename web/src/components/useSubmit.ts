import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useReportError } from './errors';

/**
 * The onFinish of a form that writes through the API: on success a message and fresh queries, on
 * failure the server's message with each blamed field marked. Returns true to close a ModalForm.
 */
export function useSubmit<V, R = unknown>(
  form: FormInstance<V>,
  save: (values: V) => Promise<R>,
  options: { success: string; invalidate: QueryKey[]; onSaved?: (result: R) => void },
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  return async (values: V): Promise<boolean> => {
    try {
      const result = await save(values);
      void message.success(options.success);
      for (const queryKey of options.invalidate) void queryClient.invalidateQueries({ queryKey });
      options.onSaved?.(result);
      return true;
    } catch (error) {
      reportError(error, form);
      return false;
    }
  };
}
