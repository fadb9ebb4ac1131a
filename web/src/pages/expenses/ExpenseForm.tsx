import { ModalForm, ProForm, ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import { keys } from '../../api/queries';
import type { Attachment, ExpenseCategory, ExpenseClaimDetail } from '../../api/types';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { ChainPreview, useChainPreview } from '../../components/ChainPreview';
import { useReportError } from '../../components/errors';
import { yuanToFen } from '../../components/format';
import { fenToYuan, MoneyInput } from '../../components/MoneyInput';
import { useSession } from '../../session';
import { categoryOptions, expenseApprovalType } from './options';

interface Values {
  /** ProForm hands dates over as YYYY-MM-DD strings (its default dateFormatter). */
  date: string;
  category: ExpenseCategory;
  /** Yuan as typed. */
  amount: number;
  customerId?: number | null;
  description: string;
  attachments?: Attachment[];
}

type Intent = 'draft' | 'submit';

function bodyOf(values: Values) {
  return {
    date: values.date,
    category: values.category,
    amount: yuanToFen(values.amount),
    customerId: values.customerId ?? null,
    description: values.description.trim(),
    attachmentIds: (values.attachments ?? []).map((file) => file.id),
  };
}

/** The server names the ids it was sent (attachmentIds.N); the form shows the files under one field. */
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => (f.field.startsWith('attachmentIds') ? { ...f, field: 'attachments' } : f));
  return new ApiError(error.status, error.code, error.message, fields);
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** "Will be approved by …" for the amount being typed (ORG-5: the UI says who will approve). */
function ApproversPreview({ amount }: { amount: number | null | undefined }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const settled = useDebounced(amount, 400);
  const preview = useChainPreview(settled ? { type: expenseApprovalType, requesterId: user.id, amount: yuanToFen(settled) } : null);
  if (!settled) return <Typography.Text type="secondary">{t('expense.enterAmountForPreview')}</Typography.Text>;
  return (
    <Alert type="info" message={t('expense.willBeApprovedBy')} description={preview.data ? <ChainPreview chain={preview.data} /> : null} />
  );
}

/**
 * A new claim, or changes to my draft, returned or withdrawn one: saved as a draft or sent
 * into approval. Amounts are typed in yuan and travel as fen; attachments upload as chosen.
 */
export function ExpenseForm(props: {
  claim?: ExpenseClaimDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (claim: ExpenseClaimDetail) => void;
}) {
  const { claim } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const intent = useRef<Intent>('submit');
  const amount = Form.useWatch('amount', form);

  const save = async (values: Values): Promise<ExpenseClaimDetail> => {
    const body = bodyOf(values);
    const submit = intent.current === 'submit';
    if (!claim) return call(api.POST('/api/expense-claims', { body: { ...body, submit } }));
    const path = { params: { path: { id: claim.id } } };
    const saved = await call(api.PATCH('/api/expense-claims/{id}', { ...path, body }));
    return submit ? call(api.POST('/api/expense-claims/{id}/submit', path)) : saved;
  };

  const onFinish = async (values: Values): Promise<boolean> => {
    try {
      const saved = await save(values);
      void message.success(intent.current === 'submit' ? t('expense.submitted') : claim ? t('common.saved') : t('expense.draftSaved'));
      void queryClient.invalidateQueries({ queryKey: keys.expenses });
      void queryClient.invalidateQueries({ queryKey: keys.approvals });
      props.onSaved?.(saved);
      return true;
    } catch (error) {
      reportError(onFormFields(error), form);
      return false;
    }
  };

  const initialValues: Partial<Omit<Values, 'date'>> & { date: Dayjs } = claim
    ? {
        date: dayjs(claim.date),
        category: claim.category,
        amount: fenToYuan(claim.amount) ?? undefined,
        customerId: claim.customerId,
        description: claim.description,
        attachments: claim.attachments,
      }
    : { date: dayjs(), attachments: [] };

  return (
    <ModalForm<Values>
      title={claim ? t('expense.edit') : t('expense.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={720}
      modalProps={{ destroyOnHidden: true }}
      initialValues={initialValues}
      onFinish={onFinish}
      submitter={{
        render: (submitter, dom) => [
          dom[0],
          <Button
            key="draft"
            onClick={() => {
              intent.current = 'draft';
              submitter.submit();
            }}
          >
            {claim ? t('expense.saveChanges') : t('expense.saveDraft')}
          </Button>,
          <Button
            key="submit"
            type="primary"
            onClick={() => {
              intent.current = 'submit';
              submitter.submit();
            }}
          >
            {claim?.status === 'returned' ? t('expense.resubmit') : t('expense.submit')}
          </Button>,
        ],
      }}
    >
      <Row gutter={16}>
        <Col span={8}>
          <ProFormDatePicker
            name="date"
            label={t('expense.date')}
            rules={[{ required: true }]}
            width="100%"
            fieldProps={{ disabledDate: (day: Dayjs) => day.isAfter(dayjs(), 'day'), style: { width: '100%' } }}
          />
        </Col>
        <Col span={8}>
          <ProFormSelect name="category" label={t('expense.category')} rules={[{ required: true }]} options={categoryOptions(t)} />
        </Col>
        <Col span={8}>
          <ProForm.Item
            name="amount"
            label={t('expense.amountYuan')}
            rules={[{ required: true }, { type: 'number', min: 0.01, max: 1_000_000 }]}
          >
            <MoneyInput />
          </ProForm.Item>
        </Col>
        <Col span={8}>
          <ProFormDigit
            name="customerId"
            label={t('expense.customerId')}
            min={1}
            fieldProps={{ precision: 0 }}
            tooltip={t('expense.customerIdHint')}
          />
        </Col>
        <Col span={16}>
          <ProForm.Item name="attachments" label={t('expense.attachments')} extra={t('expense.uploadHint')}>
            <AttachmentUpload />
          </ProForm.Item>
        </Col>
      </Row>
      <ProFormTextArea
        name="description"
        label={t('expense.description')}
        rules={[{ required: true, whitespace: true }, { max: 1000 }]}
        fieldProps={{ rows: 3, showCount: true, maxLength: 1000 }}
      />
      <ApproversPreview amount={amount} />
    </ModalForm>
  );
}
