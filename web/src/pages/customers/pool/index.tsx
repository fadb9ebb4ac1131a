import { UserAddOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { App, Button, Card, Popconfirm, Progress, Space, Statistic, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { ApiError, api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { GeographyPicker } from '../../../components/pickers';
import { useAccountMutation } from '../account/useAccountMutation';
import { gradeEnum, kindEnum } from '../options';
import { GradeTag } from '../tags';
import type { Account, AccountGrade, AccountKind, AccountSort } from '../types';
import { useHoldings } from '../useHoldings';

interface Params {
  current?: number;
  pageSize?: number;
  q?: string;
  grade?: AccountGrade;
  kind?: AccountKind;
  geographyId?: number;
  tag?: string;
}

function HoldingsCard() {
  const { t } = useTranslation();
  const { held, limit, poolDays } = useHoldings(true);
  const percent = held !== undefined && limit ? Math.min(100, Math.round((held / limit) * 100)) : 0;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space size={48} wrap>
        <Statistic title={t('customers.pool.holdings')} value={held ?? '–'} suffix={limit ? `/ ${limit}` : undefined} />
        <div style={{ width: 240 }}>
          <Typography.Text type="secondary">{t('customers.pool.holdingLimit')}</Typography.Text>
          <Progress percent={percent} status={percent >= 100 ? 'exception' : 'normal'} />
        </div>
        {poolDays !== undefined && (
          <Typography.Text type="secondary">
            {poolDays > 0 ? t('customers.pool.rule', { days: poolDays }) : t('customers.pool.ruleOff')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/** CUS-12 公海: accounts nobody holds in my market; a rep claims them up to the holding limit. */
export default function PoolPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const claiming = can(Access.customersPoolClaim);
  const table = useRef<ActionType>(null);
  const { modal } = App.useApp();
  // Being over the holding limit is not a glitch to dismiss: it asks the rep to release accounts first.
  const claimFailed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'customers.holdingLimit') {
      modal.warning({ title: t('customers.pool.limitReached'), content: error.message });
    } else reportError(error);
  };
  const claim = useAccountMutation(
    (id: number) => call(api.POST('/api/customers/accounts/{id}/claim', { params: { path: { id } } })),
    t('customers.pool.claimed'),
    claimFailed,
  );

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
    { title: t('customers.field.name'), dataIndex: 'name', search: false, sorter: true },
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
    { title: t('customers.field.city'), dataIndex: 'city', search: false },
    { title: t('customers.field.mobile'), dataIndex: 'mobile', search: false },
    {
      title: t('customers.field.lastFollowUpAt'),
      dataIndex: 'lastFollowUpAt',
      search: false,
      sorter: true,
      render: (_, a) => formatDateTime(a.lastFollowUpAt),
    },
    {
      title: t('customers.field.poolEnteredAt'),
      dataIndex: 'poolEnteredAt',
      search: false,
      sorter: true,
      defaultSortOrder: 'descend',
      render: (_, a) => formatDateTime(a.poolEnteredAt),
    },
    { title: t('customers.field.tag'), dataIndex: 'tag', hideInTable: true },
    {
      title: t('common.actions'),
      key: 'actions',
      search: false,
      hideInTable: !claiming,
      fixed: 'right',
      render: (_, a) => (
        <Popconfirm
          title={t('customers.pool.confirmClaim', { name: a.name })}
          onConfirm={() =>
            claim
              .mutateAsync(a.id)
              .then(() => table.current?.reload())
              .catch(() => undefined)
          }
        >
          <Button type="link" size="small" icon={<UserAddOutlined />} loading={claim.isPending && claim.variables === a.id}>
            {t('customers.pool.claim')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <PageContainer content={t('customers.pool.explain')}>
      {claiming && <HoldingsCard />}
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
        actionRef={table}
        request={async (params, sorter) => {
          const { current = 1, pageSize = 20, q, grade, kind, geographyId, tag } = params;
          const [sort, order] = (Object.entries(sorter)[0] ?? []) as [AccountSort | undefined, 'ascend' | 'descend' | undefined];
          const page = await call(
            api.GET('/api/customers/pool', {
              params: {
                query: {
                  q: q?.trim() || undefined,
                  grade,
                  kind,
                  geographyId,
                  tag: tag?.trim() || undefined,
                  sort: order ? sort : undefined,
                  order: order ? (order === 'ascend' ? 'asc' : 'desc') : undefined,
                  limit: pageSize,
                  offset: (current - 1) * pageSize,
                },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
      />
    </PageContainer>
  );
}
