import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProDescriptions, ProTable } from '@ant-design/pro-components';
import { Button, Drawer, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDateTime, formatFen } from '../../../components/format';
import { useSession } from '../../../session';
import { ProposalStatusTag, proposalStatusEnum } from '../options';
import type { Proposal, ProposalStatus } from '../types';
import { ProposalForm } from './ProposalForm';
import { ReviewForm } from './ReviewForm';

interface Params {
  current?: number;
  pageSize?: number;
  keyword?: string;
  status?: ProposalStatus;
  mine?: boolean;
  refresh?: number;
}

/** PRD-1 新产品开发建议书: the field proposes products; product and marketing managers review them. */
export default function ProposalsPage() {
  const { t, i18n } = useTranslation();
  const can = useAccess();
  const session = useSession();
  const submitter = can(Access.productsProposalsSubmit);
  const reviewer = can(Access.productsProposalsReview);
  const reportError = useReportError();
  const [refresh, setRefresh] = useState(0);
  const [mine, setMine] = useState(false);
  const [editing, setEditing] = useState<{ proposal: Proposal | null } | null>(null);
  const [reviewing, setReviewing] = useState<Proposal | null>(null);
  const [viewing, setViewing] = useState<Proposal | null>(null);
  const reload = () => setRefresh((n) => n + 1);
  const userId = session.user.id;

  const columns: ProColumns<Proposal>[] = [
    { title: t('common.keyword'), dataIndex: 'keyword', hideInTable: true },
    {
      title: t('proposal.subject'),
      dataIndex: 'title',
      search: false,
      render: (_, p) => (
        <Typography.Link strong onClick={() => setViewing(p)}>
          {p.title}
        </Typography.Link>
      ),
    },
    { title: t('proposal.category'), dataIndex: 'categoryName', search: false },
    { title: t('proposal.proposer'), dataIndex: 'proposerName', search: false },
    { title: t('proposal.expectedVolume'), dataIndex: 'expectedVolume', search: false, align: 'right' },
    {
      title: t('proposal.targetPrice'),
      dataIndex: 'targetPriceFen',
      search: false,
      align: 'right',
      render: (_, p) => formatFen(p.targetPriceFen, i18n.language),
    },
    {
      title: t('proposal.statusLabel'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: proposalStatusEnum(t),
      render: (_, p) => <ProposalStatusTag status={p.status} />,
    },
    {
      title: t('proposal.submittedAt'),
      dataIndex: 'submittedAt',
      search: false,
      render: (_, p) => formatDateTime(p.submittedAt as string | null),
    },
    { title: t('proposal.reviewer'), dataIndex: 'reviewerName', search: false },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, p) => [
        p.status === 'draft' && p.proposerId === userId && (
          <Button key="edit" type="link" size="small" onClick={() => setEditing({ proposal: p })}>
            {t('common.edit')}
          </Button>
        ),
        p.status === 'submitted' && reviewer && (
          <Button key="review" type="link" size="small" onClick={() => setReviewing(p)}>
            {t('proposal.review')}
          </Button>
        ),
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Proposal, Params>
        rowKey="id"
        columns={columns}
        params={{ mine, refresh }}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async ({ current = 1, pageSize = 20, keyword, status }) => {
          const page = await call(
            api.GET('/api/products/proposals', {
              params: {
                query: {
                  keyword: keyword || undefined,
                  status,
                  mine: mine || undefined,
                  limit: pageSize,
                  offset: (current - 1) * pageSize,
                },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() => [
          reviewer && (
            <span key="mine">
              <Switch size="small" checked={mine} onChange={setMine} /> {t('proposal.mine')}
            </span>
          ),
          submitter && (
            <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ proposal: null })}>
              {t('proposal.create')}
            </Button>
          ),
        ]}
      />
      <ProposalForm
        proposal={editing?.proposal}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={reload}
      />
      <ReviewForm proposal={reviewing} onClose={() => setReviewing(null)} onSaved={reload} />
      <Drawer open={viewing !== null} onClose={() => setViewing(null)} width={560} title={viewing?.title}>
        {viewing && (
          <ProDescriptions column={1} dataSource={viewing}>
            <ProDescriptions.Item label={t('proposal.statusLabel')}>
              <ProposalStatusTag status={viewing.status} />
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.proposer')}>{viewing.proposerName}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.category')}>{viewing.categoryName ?? '–'}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.expectedVolume')}>{viewing.expectedVolume ?? '–'}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.targetPrice')}>
              {formatFen(viewing.targetPriceFen, i18n.language)}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{viewing.description}</Typography.Paragraph>
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.submittedAt')}>
              {formatDateTime(viewing.submittedAt as string | null)}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.reviewer')}>{viewing.reviewerName ?? '–'}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.reviewComment')}>{viewing.reviewComment ?? '–'}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('proposal.reviewedAt')}>
              {formatDateTime(viewing.reviewedAt as string | null)}
            </ProDescriptions.Item>
          </ProDescriptions>
        )}
      </Drawer>
    </PageContainer>
  );
}
