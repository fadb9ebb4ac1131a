import {
  CalendarOutlined,
  CloseCircleOutlined,
  EditOutlined,
  MessageOutlined,
  PhoneOutlined,
  ShopOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { AssignForm } from '../board/AssignForm';
import { LeadForm } from '../LeadForm';
import { isOpen, LeadStatusTag } from '../options';
import { leadKeys } from '../queries';
import type { FollowUp, FollowUpKind, LeadDetail } from '../types';
import { ConvertForm } from './ConvertForm';
import { FollowUpForm } from './FollowUpForm';
import { LostForm } from './LostForm';

type Dialog = 'edit' | 'follow-up' | 'appointment' | 'convert' | 'lost' | 'assign' | null;

const kindIcons: Record<FollowUpKind, ReactNode> = {
  call: <PhoneOutlined />,
  visit: <ShopOutlined />,
  message: <MessageOutlined />,
  appointment: <CalendarOutlined />,
};
const kindColors: Record<FollowUpKind, string> = { call: 'blue', visit: 'green', message: 'gray', appointment: 'purple' };

function Facts({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label={t('lead.company')}>{lead.company ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('lead.mobile')}>
        {lead.mobile ?? '–'}
        {lead.masked && (
          <Tag style={{ marginInlineStart: 8 }} bordered={false}>
            {t('lead.masked')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('lead.source')}>
        {t(`leadSource.${lead.source}`)}
        {lead.campaign ? ` · ${lead.campaign}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('lead.owner')}>
        {lead.ownerName ?? <Typography.Text type="warning">{t('lead.unassigned')}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('lead.team')}>{lead.teamName ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('lead.geography')}>
        {[lead.geographyName, lead.province, lead.city].filter(Boolean).join(' · ') || '–'}
      </Descriptions.Item>
      <Descriptions.Item label={t('lead.nextFollowUpAt')}>{formatDateTime(lead.nextFollowUpAt)}</Descriptions.Item>
      <Descriptions.Item label={t('lead.createdBy')}>
        {lead.createdByName ?? '–'} · {formatDateTime(lead.createdAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('lead.updatedAt')}>{formatDateTime(lead.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function FollowUpTimeline({ followUps }: { followUps: FollowUp[] }) {
  const { t } = useTranslation();
  if (followUps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lead.noFollowUps')} />;
  const newestFirst = [...followUps].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      items={newestFirst.map((f) => ({
        key: f.id,
        color: kindColors[f.kind],
        dot: kindIcons[f.kind],
        children: (
          <Space direction="vertical" size={2} data-testid="lead-follow-up">
            <Space size={8} wrap>
              <Typography.Text strong>{t(`followUpKind.${f.kind}`)}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(f.at)}</Typography.Text>
              <Typography.Text type="secondary">{t('lead.by', { name: f.userName })}</Typography.Text>
            </Space>
            {f.scheduledFor && (
              <Tag color="purple" icon={<CalendarOutlined />}>
                {t('lead.scheduledFor')} {formatDateTime(f.scheduledFor)}
              </Tag>
            )}
            {f.outcome && <Typography.Text>{f.outcome}</Typography.Text>}
            {f.note && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {f.note}
              </Typography.Paragraph>
            )}
          </Space>
        ),
      }))}
    />
  );
}

/** How the lead ended: the account it became, or why it was lost. */
function Outcome({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation();
  if (lead.status === 'converted') {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="lead-outcome"
        message={t('leadStatus.converted')}
        description={
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('lead.convertedAccount')}>
              {lead.convertedAccountId ? (
                <Link to={`/customers/accounts/${lead.convertedAccountId}`}>{lead.convertedAccountCode ?? lead.convertedAccountId}</Link>
              ) : (
                '–'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.convertedAt')}>{formatDateTime(lead.convertedAt)}</Descriptions.Item>
          </Descriptions>
        }
      />
    );
  }
  if (lead.status === 'lost') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="lead-outcome"
        message={t('leadStatus.lost')}
        description={
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('lead.lostReason')}>{lead.lostReason ?? '–'}</Descriptions.Item>
          </Descriptions>
        }
      />
    );
  }
  return null;
}

/** One lead (CUS-7): its facts, the follow-ups so far, and the next step: follow up, book, convert or close as lost. */
export default function LeadDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useAccess();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const lead = useQuery({
    queryKey: leadKeys.detail(id),
    queryFn: () => call(api.GET('/api/customers/leads/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });

  if (lead.error) return <Result status="404" title={errorMessage(lead.error, t('error.network'))} />;
  const l = lead.data;
  const open = l ? isOpen(l.status) : false;
  const manage = can(Access.leadsManage) && open;
  const owned = l?.ownerUserId !== null;
  const needsOwner = (button: ReactNode) => (owned ? button : <Tooltip title={t('lead.ownerRequired')}>{button}</Tooltip>);

  const actions: ReactNode[] = [];
  if (l && manage) {
    if (can(Access.leadsAssign)) {
      actions.push(
        <Button key="assign" icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')}>
          {t('lead.assign')}
        </Button>,
      );
    }
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>,
      <Button key="lost" danger icon={<CloseCircleOutlined />} onClick={() => setDialog('lost')}>
        {t('lead.markLost')}
      </Button>,
      <span key="appointment">
        {needsOwner(
          <Button icon={<CalendarOutlined />} disabled={!owned} onClick={() => setDialog('appointment')}>
            {t('lead.bookAppointment')}
          </Button>,
        )}
      </span>,
      <span key="follow-up">
        {needsOwner(
          <Button icon={<PhoneOutlined />} disabled={!owned} onClick={() => setDialog('follow-up')}>
            {t('lead.addFollowUp')}
          </Button>,
        )}
      </span>,
      <Button key="convert" type="primary" icon={<TeamOutlined />} onClick={() => setDialog('convert')}>
        {t('lead.convert')}
      </Button>,
    );
  }
  const close = (next: boolean) => !next && setDialog(null);

  return (
    <PageContainer
      loading={lead.isPending}
      title={l?.name}
      subTitle={l && <Typography.Text type="secondary">#{l.id}</Typography.Text>}
      tags={l && <LeadStatusTag status={l.status} />}
      onBack={() => void navigate('/leads/board')}
      extra={actions}
      content={l && <Facts lead={l} />}
    >
      {l && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card
              title={t('lead.timeline')}
              extra={
                manage &&
                owned && (
                  <Button type="link" icon={<PhoneOutlined />} onClick={() => setDialog('follow-up')}>
                    {t('lead.addFollowUp')}
                  </Button>
                )
              }
            >
              <FollowUpTimeline followUps={l.followUps} />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Outcome lead={l} />
              {open && !owned && <Alert type="warning" showIcon message={t('lead.ownerRequired')} />}
              <Card title={t('lead.notes')} size="small">
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} type={l.notes ? undefined : 'secondary'}>
                  {l.notes ?? '–'}
                </Typography.Paragraph>
              </Card>
            </Space>
          </Col>
          {manage && (
            <>
              <LeadForm lead={l} open={dialog === 'edit'} onOpenChange={close} />
              <FollowUpForm lead={l} mode="follow-up" open={dialog === 'follow-up'} onOpenChange={close} />
              <FollowUpForm lead={l} mode="appointment" open={dialog === 'appointment'} onOpenChange={close} />
              <ConvertForm lead={l} open={dialog === 'convert'} onOpenChange={close} />
              <LostForm lead={l} open={dialog === 'lost'} onOpenChange={close} />
              <AssignForm leadIds={[l.id]} open={dialog === 'assign'} onOpenChange={close} onSaved={() => setDialog(null)} />
            </>
          )}
        </Row>
      )}
    </PageContainer>
  );
}
