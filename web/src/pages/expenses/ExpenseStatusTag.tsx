import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpenseStatus } from '../../api/types';

const colors: Record<ExpenseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  paid: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};

export function ExpenseStatusTag({ status }: { status: ExpenseStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`expenseStatus.${status}`)}</Tag>;
}
