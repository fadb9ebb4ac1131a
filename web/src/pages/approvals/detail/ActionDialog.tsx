import { ModalForm, ProForm, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { PositionHolderPicker } from './PositionHolderPicker';
import { type ActionValues, type ApprovalAction, useApprovalAction } from './useApprovalAction';

export type DialogAction = Exclude<ApprovalAction, 'withdraw'>;

/** Approve (optional comment), reject and return (reason required), transfer (to whom), comment. */
export function ActionDialog(props: { approvalId: number; action: DialogAction; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { approvalId, action } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const run = useApprovalAction(approvalId);
  const needsReason = action === 'reject' || action === 'return';

  return (
    <ModalForm<ActionValues>
      title={t(`approval.${action}`)}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true, okButtonProps: { danger: action === 'reject' } }}
      submitter={{ searchConfig: { submitText: t(`approval.${action}`) } }}
      onFinish={(values) => run(action, values, form)}
    >
      {action === 'transfer' && (
        <ProForm.Item name="targetUserId" label={t('approval.transferTo')} rules={[{ required: true }]}>
          <PositionHolderPicker />
        </ProForm.Item>
      )}
      {needsReason ? (
        <ProFormTextArea
          name="reason"
          label={t('approval.reason')}
          rules={[{ required: true, whitespace: true }, { max: 500 }]}
          fieldProps={{ rows: 4, showCount: true, maxLength: 500 }}
        />
      ) : (
        <ProFormTextArea
          name="comment"
          label={action === 'comment' ? t('approval.commentLabel') : t('approval.commentOptional')}
          rules={action === 'comment' ? [{ required: true, whitespace: true }, { max: 500 }] : [{ max: 500 }]}
          fieldProps={{ rows: 4, showCount: true, maxLength: 500 }}
        />
      )}
    </ModalForm>
  );
}
