import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { useSession } from '../../../session';
import type { StoreCompliance } from '../types';

interface Params {
  current?: number;
  pageSize?: number;
  month: string;
  ownerUserId?: number;
  geographyId?: number;
  onlyNonCompliant: boolean;
  /** Changes after a visit is recorded, so the table reads again. */
  version: number;
}

/** CUS-5: the stores under a rep (or a geography) with done onsite visits against their grade's minimum. */
export function StoreTable(props: {
  month: string;
  ownerUserId?: number;
  geographyId?: number;
  version: number;
  onRecord: (store: StoreCompliance) => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useAccess();
  const reportError = useReportError();
  const [onlyNonCompliant, setOnlyNonCompliant] = useState(true);

  const columns: ProColumns<StoreCompliance>[] = [
    {
      title: t('visitCompliance.store'),
      dataIndex: 'accountName',
      render: (_, s) => (
        <span>
          <span data-testid="store-name">{s.accountName}</span> <Typography.Text type="secondary">{s.accountCode}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('visit.grade'),
      dataIndex: 'grade',
      width: 70,
      render: (_, s) => (
        <Tag color={s.grade === 'A' ? 'gold' : undefined} data-testid="store-grade">
          {s.grade}
        </Tag>
      ),
    },
    { title: t('visitCompliance.owner'), dataIndex: 'ownerName' },
    { title: t('visit.geography'), dataIndex: 'geographyName' },
    {
      title: t('visitCompliance.done'),
      dataIndex: 'done',
      align: 'right',
      render: (_, s) => <span data-testid="store-done">{s.done}</span>,
    },
    {
      title: t('visitCompliance.required'),
      dataIndex: 'required',
      align: 'right',
      render: (_, s) => <span data-testid="store-required">{s.required}</span>,
    },
    { title: t('visitCompliance.shortfall'), dataIndex: 'shortfall', align: 'right' },
    {
      title: t('visit.status'),
      key: 'state',
      render: (_, s) =>
        s.shortfall > 0 ? <Tag color="red">{t('visitCompliance.below')}</Tag> : <Tag color="green">{t('visitCompliance.ok')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) =>
        s.ownerUserId === user.id && can(Access.fieldVisitsRecord) ? (
          <Button type="link" size="small" onClick={() => props.onRecord(s)}>
            {t('visit.record')}
          </Button>
        ) : null,
    },
  ];

  return (
    <ProTable<StoreCompliance, Params>
      rowKey="accountId"
      columns={columns}
      search={false}
      size="small"
      columnEmptyText="–"
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      options={false}
      onRequestError={reportError}
      locale={{ emptyText: t('visitCompliance.noStores') }}
      params={{
        month: props.month,
        ownerUserId: props.ownerUserId,
        geographyId: props.geographyId,
        onlyNonCompliant,
        version: props.version,
      }}
      headerTitle={
        <span>
          <Switch size="small" checked={onlyNonCompliant} onChange={setOnlyNonCompliant} /> {t('visitCompliance.onlyBelow')}
        </span>
      }
      request={async (params) => {
        const { current = 1, pageSize = 20 } = params;
        const page = await call(
          api.GET('/api/field/compliance/stores', {
            params: {
              query: {
                month: params.month,
                ownerUserId: params.ownerUserId,
                geographyId: params.geographyId,
                onlyNonCompliant: params.onlyNonCompliant || undefined,
                limit: pageSize,
                offset: (current - 1) * pageSize,
              },
            },
          }),
        );
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
