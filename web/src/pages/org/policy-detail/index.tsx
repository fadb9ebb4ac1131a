import { CheckOutlined, FileAddOutlined, SendOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Progress, Result, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { PolicyDetail } from '../../../api/types';
import { errorMessage, useReportError } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { Markdown } from '../../../components/Markdown';
import { PolicyStatusTag } from '../../../components/PolicyStatusTag';
import { useAcknowledgePolicy } from '../../../components/useAcknowledgePolicy';
import { PublishForm, TargetsForm, VersionForm } from './PolicyForms';
import { Unacknowledged } from './Unacknowledged';

type Version = PolicyDetail['versions'][number];
type Dialog = 'version' | 'publish' | 'targets' | null;

function Versions({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Table<Version>
        rowKey="id"
        size="small"
        dataSource={versions}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('policy.version'), dataIndex: 'version', width: 90 },
          { title: t('policy.status'), dataIndex: 'status', width: 90, render: (s: Version['status']) => <PolicyStatusTag status={s} /> },
          { title: t('policy.changeSummary'), dataIndex: 'changeSummary', render: (v: string) => v || '–' },
          { title: t('policy.draftedBy'), dataIndex: 'draftedByName', render: (v: string | null) => v ?? '–' },
          { title: t('policy.reviewedBy'), dataIndex: 'reviewedByName', render: (v: string | null) => v ?? '–' },
          { title: t('policy.approvedBy'), dataIndex: 'approvedByName', render: (v: string | null) => v ?? '–' },
          { title: t('policy.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('policy.effectiveDate'), dataIndex: 'effectiveDate', render: (v: string | null) => formatDate(v) },
        ]}
      />
    </Card>
  );
}

function Targets({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const { departments, positions } = policy.targets;
  return (
    <Card>
      <Descriptions column={1}>
        <Descriptions.Item label={t('policy.targetDepartments')}>
          {departments.length ? (
            <Space size={[4, 4]} wrap>
              {departments.map((d) => (
                <Tag key={d.id}>{d.name}</Tag>
              ))}
            </Space>
          ) : (
            '–'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.targetPositions')}>
          {positions.length ? (
            <Space size={[4, 4]} wrap>
              {positions.map((p) => (
                <Tag key={p.id}>
                  {p.departmentName} / {p.name}
                </Tag>
              ))}
            </Space>
          ) : (
            '–'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Content({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {policy.draft && (
        <Card title={t('policy.draftTitle', { version: policy.draft.version })} type="inner" style={{ borderColor: '#faad14' }}>
          <Typography.Paragraph type="secondary">{policy.draft.changeSummary}</Typography.Paragraph>
          <Markdown source={policy.draft.body} />
        </Card>
      )}
      <Card>{policy.body ? <Markdown source={policy.body} /> : <Empty description={t('policy.notInForce')} />}</Card>
    </Space>
  );
}

function myAcknowledgement(policy: PolicyDetail, t: TFunction): string {
  if (policy.status !== 'published') return '–';
  if (policy.myAcknowledgedAt) return t('policy.readAt', { at: formatDateTime(policy.myAcknowledgedAt) });
  return policy.targetsMe ? t('policy.toRead') : t('policy.notTargeted');
}

function Summary({ policy: p }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label={t('policy.category')}>{p.category}</Descriptions.Item>
      <Descriptions.Item label={t('policy.ownerDepartment')}>{p.ownerDepartmentName ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('policy.version')}>{p.currentVersion ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('policy.effectiveDate')}>{formatDate(p.effectiveDate)}</Descriptions.Item>
      <Descriptions.Item label={t('policy.acknowledgements')}>
        {p.status === 'published' && p.targetCount ? (
          <Progress
            style={{ width: 160, margin: 0 }}
            size="small"
            percent={Math.round((p.acknowledgedCount / p.targetCount) * 100)}
            format={() => `${p.acknowledgedCount}/${p.targetCount}`}
          />
        ) : (
          '–'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('policy.mine')}>{myAcknowledgement(p, t)}</Descriptions.Item>
    </Descriptions>
  );
}

/** One policy (ORG-7): text in force, revision log, targets, acknowledgement and, for managers, its editors. */
export default function PolicyDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useAccess();
  const manage = can(Access.policiesManage);
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const id = Number(useParams().id);
  const [tab, setTab] = useState('content');
  const [dialog, setDialog] = useState<Dialog>(null);
  const acknowledge = useAcknowledgePolicy();
  const policy = useQuery({
    queryKey: [...keys.policies, id],
    queryFn: () => call(api.GET('/api/org/policies/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  const retire = useMutation({
    mutationFn: () => call(api.POST('/api/org/policies/{id}/retire', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('policy.retiredMessage'));
      void queryClient.invalidateQueries({ queryKey: keys.policies });
    },
    onError: (error) => reportError(error),
  });

  if (policy.error) return <Result status="404" title={errorMessage(policy.error, t('error.network'))} />;
  const p = policy.data;
  const mustAcknowledge = p && p.status === 'published' && p.targetsMe && !p.myAcknowledgedAt;

  const actions = [];
  if (mustAcknowledge) {
    actions.push(
      <Button key="ack" type="primary" icon={<CheckOutlined />} loading={acknowledge.isPending} onClick={() => acknowledge.mutate(p.id)}>
        {t('policy.acknowledge')}
      </Button>,
    );
  }
  if (p && manage && p.status !== 'retired') {
    actions.push(
      p.draft ? (
        <Button key="publish" type={mustAcknowledge ? 'default' : 'primary'} icon={<SendOutlined />} onClick={() => setDialog('publish')}>
          {t('policy.publishVersion', { version: p.draft.version })}
        </Button>
      ) : (
        <Button key="version" icon={<FileAddOutlined />} onClick={() => setDialog('version')}>
          {t('policy.newVersion')}
        </Button>
      ),
      <Button key="targets" icon={<TeamOutlined />} onClick={() => setDialog('targets')}>
        {t('policy.editTargets')}
      </Button>,
      <Popconfirm key="retire" title={t('policy.confirmRetire')} onConfirm={() => retire.mutateAsync().catch(() => undefined)}>
        <Button danger icon={<StopOutlined />}>
          {t('policy.retire')}
        </Button>
      </Popconfirm>,
    );
  }
  const close = (open: boolean) => !open && setDialog(null);

  return (
    <PageContainer
      loading={policy.isPending}
      title={p && `${p.code} ${p.title}`}
      tags={p && <PolicyStatusTag status={p.status} />}
      onBack={() => void navigate('/org/policies')}
      extra={actions}
      tabActiveKey={tab}
      onTabChange={setTab}
      tabList={[
        { key: 'content', tab: t('policy.content') },
        { key: 'versions', tab: t('policy.revisionLog') },
        { key: 'targets', tab: t('policy.targets') },
        ...(manage ? [{ key: 'unacknowledged', tab: t('policy.unacknowledged') }] : []),
      ]}
      content={p && <Summary policy={p} />}
    >
      {p && (
        <>
          {mustAcknowledge && tab === 'content' && (
            <Alert type="warning" showIcon message={t('policy.pleaseAcknowledge')} style={{ marginBottom: 16 }} />
          )}
          {tab === 'content' && <Content policy={p} />}
          {tab === 'versions' && <Versions versions={p.versions} />}
          {tab === 'targets' && <Targets policy={p} />}
          {tab === 'unacknowledged' && manage && <Unacknowledged policyId={p.id} />}
          <VersionForm policy={p} open={dialog === 'version'} onOpenChange={close} />
          {p.draft && <PublishForm policy={p} open={dialog === 'publish'} onOpenChange={close} />}
          <TargetsForm policy={p} open={dialog === 'targets'} onOpenChange={close} />
        </>
      )}
    </PageContainer>
  );
}
