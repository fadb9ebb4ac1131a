import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import type { ExpenseCategory, ExpenseClaim, ExpenseStatus } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { formatDate, formatDateTime, formatFen } from '../../../components/format';
import { UserPicker } from '../../../components/pickers';
import { ExpenseForm } from '../ExpenseForm';
import { ExpenseStatusTag } from '../ExpenseStatusTag';
import { categoryEnum, statusEnum } from '../options';

type Sort = 'date' | 'amount' | 'createdAt' | 'decidedAt';
type View = 'all' | 'awaitingPayment';

interface Params {
  current?: number;
  pageSize?: number;
  status?: ExpenseStatus;
  category?: ExpenseCategory;
  claimantId?: number;
  period?: [string, string];
  view?: View;
}

/** PLN-5 expense claims within my data scope; finance also sees the approved ones waiting for payment. */
export default function ExpensesPage() {
  const { t, i18n } = useTranslation();
  const can = useAccess();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<View>('all');
  const paying = can(Access.expensesPay);

  const columns: ProColumns<ExpenseClaim>[] = [
    {
      title: t('expense.date'),
      dataIndex: 'date',
      search: false,
      sorter: true,
      render: (_, c) => <Link to={`/expenses/${c.id}`}>{formatDate(c.date)}</Link>,
    },
    { title: t('expense.period'), dataIndex: 'period', valueType: 'dateRange', hideInTable: true },
    {
      title: t('expense.category'),
      dataIndex: 'category',
      valueType: 'select',
      valueEnum: categoryEnum(t),
    },
    {
      title: t('expense.amount'),
      dataIndex: 'amount',
      search: false,
      sorter: true,
      align: 'right',
      render: (_, c) => <Typography.Text strong>{formatFen(c.amount, i18n.language)}</Typography.Text>,
    },
    {
      title: t('expense.claimant'),
      dataIndex: 'claimantId',
      render: (_, c) => c.claimantName,
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    { title: t('expense.geography'), dataIndex: 'geographyName', search: false },
    { title: t('expense.description'), dataIndex: 'description', search: false, ellipsis: true, width: 280 },
    {
      title: t('expense.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum(t),
      hideInSearch: view === 'awaitingPayment',
      render: (_, c) => <ExpenseStatusTag status={c.status} />,
    },
    { title: t('expense.attachmentCount'), dataIndex: 'attachmentCount', search: false, align: 'right' },
    {
      title: view === 'awaitingPayment' ? t('expense.decidedAt') : t('expense.submittedAt'),
      dataIndex: view === 'awaitingPayment' ? 'decidedAt' : 'submittedAt',
      search: false,
      render: (_, c) => formatDateTime(view === 'awaitingPayment' ? c.decidedAt : c.submittedAt),
    },
  ];

  return (
    <PageContainer>
      <ProTable<ExpenseClaim, Params>
        rowKey="id"
        columns={columns}
        params={{ view }}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        onRow={(c) => ({ onDoubleClick: () => void navigate(`/expenses/${c.id}`) })}
        toolbar={
          paying
            ? {
                menu: {
                  type: 'tab',
                  activeKey: view,
                  items: [
                    { key: 'all', label: t('expense.all') },
                    { key: 'awaitingPayment', label: t('expense.awaitingPayment') },
                  ],
                  onChange: (key) => setView(key === 'awaitingPayment' ? 'awaitingPayment' : 'all'),
                },
              }
            : undefined
        }
        request={async (params, sorter) => {
          const { current = 1, pageSize = 20, status, category, claimantId, period } = params;
          const [sort, order] = (Object.entries(sorter)[0] ?? []) as [Sort | undefined, 'ascend' | 'descend' | undefined];
          const page = await call(
            api.GET('/api/expense-claims', {
              params: {
                query: {
                  awaitingPayment: params.view === 'awaitingPayment' || undefined,
                  status: params.view === 'awaitingPayment' ? undefined : status,
                  category,
                  claimantId,
                  dateFrom: period?.[0],
                  dateTo: period?.[1],
                  limit: pageSize,
                  offset: (current - 1) * pageSize,
                  sort,
                  order: order ? (order === 'ascend' ? 'asc' : 'desc') : undefined,
                },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          can(Access.expensesFile)
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('expense.create')}
                </Button>,
              ]
            : []
        }
      />
      <ExpenseForm open={creating} onOpenChange={setCreating} onSaved={(claim) => void navigate(`/expenses/${claim.id}`)} />
    </PageContainer>
  );
}
