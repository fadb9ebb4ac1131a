import { ModalForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { productKeys } from '../keys';
import type { Proposal } from '../types';

interface Values {
  decision: 'accepted' | 'rejected';
  comment?: string;
}

/** PRD-1: a product or marketing manager accepts or rejects a submitted proposal; a rejection says why. */
export function ReviewForm(props: { proposal: Proposal | null; onClose: () => void; onSaved: () => void }) {
  const { proposal } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      call(
        api.POST('/api/products/proposals/{id}/review', {
          params: { path: { id: proposal?.id ?? 0 } },
          body: { decision: values.decision, comment: values.comment?.trim() ? values.comment.trim() : null },
        }),
      ),
    { success: t('proposal.reviewed'), invalidate: [productKeys.proposals], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={t('proposal.reviewTitle', { title: proposal?.title ?? '' })}
      form={form}
      open={proposal !== null}
      onOpenChange={(open) => !open && props.onClose()}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ decision: 'accepted' }}
      onFinish={onFinish}
    >
      <ProFormRadio.Group
        name="decision"
        label={t('proposal.decision')}
        radioType="button"
        options={[
          { value: 'accepted', label: t('proposal.accept') },
          { value: 'rejected', label: t('proposal.reject') },
        ]}
      />
      <ProFormTextArea
        name="comment"
        label={t('proposal.reviewComment')}
        dependencies={['decision']}
        rules={[
          ({ getFieldValue }: Pick<FormInstance<Values>, 'getFieldValue'>) => ({
            validator: (_: unknown, value: string | undefined) =>
              getFieldValue('decision') === 'rejected' && !value?.trim()
                ? Promise.reject(new Error(t('proposal.commentRequired')))
                : Promise.resolve(),
          }),
          { max: 2000 },
        ]}
        fieldProps={{ rows: 4 }}
      />
    </ModalForm>
  );
}
