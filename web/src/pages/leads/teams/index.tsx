import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Badge, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatRate, LeadTeamStatusTag, teamStatusEnum } from '../options';
import type { LeadTeam, LeadTeamStatus } from '../types';
import { TeamForm } from './TeamForm';

interface Params {
  current?: number;
  pageSize?: number;
  status?: LeadTeamStatus;
  refresh?: number;
}

/** CUS-7 outsourced lead teams: a resource under contract, judged by the leads it brings and what became of them. */
export default function LeadTeamsPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const manage = can(Access.leadsAssign);
  const [editing, setEditing] = useState<{ team: LeadTeam | null } | null>(null);
  const [refresh, setRefresh] = useState(0);

  const columns: ProColumns<LeadTeam>[] = [
    {
      title: t('leadTeam.name'),
      dataIndex: 'name',
      search: false,
      fixed: 'left',
      render: (_, team) => <Typography.Text strong>{team.name}</Typography.Text>,
    },
    { title: t('leadTeam.vendor'), dataIndex: 'vendor', search: false, ellipsis: true, width: 220 },
    {
      title: t('leadTeam.contact'),
      dataIndex: 'contact',
      search: false,
      render: (_, team) => [team.contact, team.phone].filter(Boolean).join(' · ') || '–',
    },
    {
      title: t('leadTeam.contract'),
      dataIndex: 'contractStart',
      search: false,
      render: (_, team) => (
        <Badge
          status={team.underContract ? 'success' : 'default'}
          text={`${team.contractStart} ~ ${team.contractEnd}`}
          title={team.underContract ? t('leadTeam.underContract') : t('leadTeam.outOfContract')}
        />
      ),
    },
    {
      title: t('leadTeam.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: teamStatusEnum(t),
      render: (_, team) => <LeadTeamStatusTag status={team.status} />,
    },
    {
      title: t('leadTeam.leadsCreated'),
      dataIndex: 'leadsCreated',
      search: false,
      align: 'right',
      render: (_, team) => <Link to={`/leads/board?view=list&teamId=${team.id}`}>{team.leadsCreated}</Link>,
    },
    { title: t('leadTeam.leadsConverted'), dataIndex: 'leadsConverted', search: false, align: 'right' },
    { title: t('leadTeam.leadsLost'), dataIndex: 'leadsLost', search: false, align: 'right' },
    {
      title: t('leadTeam.conversionRate'),
      dataIndex: 'conversion',
      search: false,
      align: 'right',
      render: (_, team) => (team.leadsCreated ? formatRate(team.leadsConverted / team.leadsCreated) : '–'),
    },
    { title: t('leadTeam.note'), dataIndex: 'note', search: false, ellipsis: true, width: 240 },
    {
      title: t('common.actions'),
      valueType: 'option',
      hideInTable: !manage,
      render: (_, team) => [
        <Button key="edit" type="link" size="small" onClick={() => setEditing({ team })}>
          {t('common.edit')}
        </Button>,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<LeadTeam, Params>
        rowKey="id"
        columns={columns}
        params={{ refresh }}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async ({ current = 1, pageSize = 20, status }) => {
          const page = await call(
            api.GET('/api/customers/lead-teams', { params: { query: { status, limit: pageSize, offset: (current - 1) * pageSize } } }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ team: null })}>
                  {t('leadTeam.create')}
                </Button>,
              ]
            : []
        }
      />
      <TeamForm
        team={editing?.team}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={() => setRefresh((n) => n + 1)}
      />
    </PageContainer>
  );
}
