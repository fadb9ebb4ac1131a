import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { downloadFile } from '../../../components/files';
import { formatDateTime } from '../../../components/format';
import { GeographyPicker, UserPicker } from '../../../components/pickers';
import { AccountForm } from '../AccountForm';
import { gradeEnum, kindEnum, statusEnum } from '../options';
import { AccountStatusTag, GradeTag, LockedTag, OwnerText } from '../tags';
import type { Account, AccountGrade, AccountKind, AccountSort, AccountStatus } from '../types';

interface Params {
  current?: number;
  pageSize?: number;
  q?: string;
  grade?: AccountGrade;
  kind?: AccountKind;
  status?: AccountStatus;
  geographyId?: number;
  ownerUserId?: number;
  tag?: string;
}

type Filter = Omit<Params, 'current' | 'pageSize'>;

function filterOf(params: Params): Filter {
  const { q, grade, kind, status, geographyId, ownerUserId, tag } = params;
  return { q: q?.trim() || undefined, grade, kind, status, geographyId, ownerUserId, tag: tag?.trim() || undefined };
}

/** CUS-1 the account list within my data scope: filters, sort, export of what is filtered, and new accounts. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const filter = useRef<Filter>({});
  const sorting = useRef<{ sort?: AccountSort; order?: 'asc' | 'desc' }>({});

  const exportList = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/customers/accounts/export', { ...filter.current, ...sorting.current }, 'accounts.xlsx');
      void message.success(t('customers.account.exported'));
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: ProColumns<Account>[] = [
    {
      title: t('customers.field.keyword'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('customers.field.keywordPlaceholder') },
    },
    {
      title: t('customers.field.code'),
      dataIndex: 'code',
      search: false,
      sorter: true,
      render: (_, a) => <Link to={`/customers/accounts/${a.id}`}>{a.code}</Link>,
    },
    {
      title: t('customers.field.name'),
      dataIndex: 'name',
      search: false,
      sorter: true,
      render: (_, a) => (
        <Space size={4}>
          <Link to={`/customers/accounts/${a.id}`}>{a.name}</Link>
          <LockedTag locked={a.locked} />
        </Space>
      ),
    },
    { title: t('customers.field.kind'), dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum(t) },
    {
      title: t('customers.field.grade'),
      dataIndex: 'grade',
      valueType: 'select',
      valueEnum: gradeEnum(t),
      sorter: true,
      render: (_, a) => <GradeTag grade={a.grade} />,
    },
    {
      title: t('customers.field.geography'),
      dataIndex: 'geographyId',
      render: (_, a) => a.geographyName ?? '–',
      renderFormItem: () => <GeographyPicker placeholder={t('customers.field.any')} />,
    },
    {
      title: t('customers.field.owner'),
      dataIndex: 'ownerUserId',
      render: (_, a) => <OwnerText name={a.ownerName} />,
      renderFormItem: () => <UserPicker activeOnly={false} placeholder={t('customers.field.any')} />,
    },
    {
      title: t('customers.field.mobile'),
      dataIndex: 'mobile',
      search: false,
      render: (_, a) =>
        a.masked ? (
          <Tooltip title={t('customers.account.maskedHint')}>
            <Typography.Text type="secondary">{a.mobile ?? '–'}</Typography.Text>
          </Tooltip>
        ) : (
          (a.mobile ?? '–')
        ),
    },
    {
      title: t('customers.field.lastFollowUpAt'),
      dataIndex: 'lastFollowUpAt',
      search: false,
      sorter: true,
      render: (_, a) => formatDateTime(a.lastFollowUpAt),
    },
    {
      title: t('customers.field.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum(t),
      render: (_, a) => <AccountStatusTag status={a.status} />,
    },
    { title: t('customers.field.tag'), dataIndex: 'tag', hideInTable: true },
    {
      title: t('customers.field.tags'),
      dataIndex: 'tags',
      search: false,
      render: (_, a) => (a.tags.length ? a.tags.join('、') : '–'),
    },
  ];

  return (
    <PageContainer>
      <ProTable<Account, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        onRow={(a) => ({ onDoubleClick: () => void navigate(`/customers/accounts/${a.id}`) })}
        request={async (params, sorter) => {
          const { current = 1, pageSize = 20 } = params;
          const [sort, order] = (Object.entries(sorter)[0] ?? []) as [AccountSort | undefined, 'ascend' | 'descend' | undefined];
          filter.current = filterOf(params);
          sorting.current = order ? { sort, order: order === 'ascend' ? 'asc' : 'desc' } : {};
          const page = await call(
            api.GET('/api/customers/accounts', {
              params: { query: { ...filter.current, ...sorting.current, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() => [
          can(Access.customersExport) && (
            <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()}>
              {t('customers.account.export')}
            </Button>
          ),
          can(Access.customersImport) && (
            <Button key="import" icon={<ImportOutlined />} onClick={() => void navigate('/customers/import')}>
              {t('customers.import.title')}
            </Button>
          ),
          can(Access.customersWrite) && (
            <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('customers.account.create')}
            </Button>
          ),
        ]}
      />
      <AccountForm open={creating} onOpenChange={setCreating} onSaved={(a) => void navigate(`/customers/accounts/${a.id}`)} />
    </PageContainer>
  );
}
