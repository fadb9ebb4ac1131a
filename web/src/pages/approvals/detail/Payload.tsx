import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalDetail, Attachment, ExpenseCategory } from '../../../api/types';
import { AttachmentList } from '../../../components/AttachmentList';
import { formatDate, formatFen } from '../../../components/format';

/** The snapshot expense claims hand the engine (expense-claim.service.ts snapshotOf). */
interface ExpensePayload {
  date: string;
  category: ExpenseCategory;
  amount: number;
  customerId: number | null;
  description: string;
  attachments: Attachment[];
}

const expenseCategories: readonly string[] = ['travel', 'entertainment', 'samples', 'promotion', 'other'];

function isExpensePayload(payload: Record<string, unknown>): payload is Record<string, unknown> & ExpensePayload {
  return (
    typeof payload.date === 'string' &&
    typeof payload.amount === 'number' &&
    typeof payload.description === 'string' &&
    expenseCategories.includes(payload.category as string) &&
    Array.isArray(payload.attachments)
  );
}

function ExpenseClaimPayload({ payload }: { payload: ExpensePayload }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={2} size="small" bordered>
      <Descriptions.Item label={t('expense.date')}>{formatDate(payload.date)}</Descriptions.Item>
      <Descriptions.Item label={t('expense.category')}>{t(`expenseCategory.${payload.category}`)}</Descriptions.Item>
      <Descriptions.Item label={t('expense.amount')}>
        <Typography.Text strong>{formatFen(payload.amount, i18n.language)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('expense.customerId')}>{payload.customerId ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('expense.description')} span={2}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{payload.description}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('expense.attachments')} span={2}>
        <AttachmentList files={payload.attachments} />
      </Descriptions.Item>
    </Descriptions>
  );
}

function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value);
}

/** Any other type: its snapshot as field and value, nested parts as indented JSON. */
function KeyValuePayload({ payload }: { payload: Record<string, unknown> }) {
  return (
    <Descriptions column={1} size="small" bordered>
      {Object.entries(payload).map(([key, value]) => (
        <Descriptions.Item key={key} label={key}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap', fontFamily: typeof value === 'object' && value ? 'monospace' : undefined }}>
            {readable(value)}
          </Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** What the approver decides on, as it was when submitted. */
export function Payload({ approval }: { approval: ApprovalDetail }) {
  const { payload } = approval;
  if (approval.type === 'expense.claim' && isExpensePayload(payload)) return <ExpenseClaimPayload payload={payload} />;
  return <KeyValuePayload payload={payload} />;
}
