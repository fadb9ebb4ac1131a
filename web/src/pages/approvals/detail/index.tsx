import { CheckOutlined, CloseOutlined, MessageOutlined, RollbackOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../../api/client';
import type { ApprovalDetail } from '../../../api/types';
import { ApprovalStatusTag } from '../../../components/ApprovalStatusTag';
import { ApprovalTimeline } from '../../../components/ApprovalTimeline';
import { errorMessage } from '../../../components/errors';
import { formatDateTime, formatFen } from '../../../components/format';
import { ActionDialog, type DialogAction } from './ActionDialog';
import { Chain } from './Chain';
import { Payload } from './Payload';
import { approvalKey, useApprovalAction } from './useApprovalAction';

function Summary({ approval: a }: { approval: ApprovalDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label={t('approval.type')}>{a.typeLabel}</Descriptions.Item>
      <Descriptions.Item label={t('approval.requester')}>{a.requester.displayName}</Descriptions.Item>
      <Descriptions.Item label={t('approval.amount')}>{formatFen(a.amount, i18n.language)}</Descriptions.Item>
      <Descriptions.Item label={t('approval.createdAt')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('approval.decidedAt')}>{formatDateTime(a.decidedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('approval.currentApprovers')}>
        {a.currentApprovers.map((p) => p.displayName).join(t('approval.separator')) || '–'}
      </Descriptions.Item>
      <Descriptions.Item label={t('approval.subject')}>
        {a.subjectPath ? <Link to={a.subjectPath}>{t('approval.openSubject')}</Link> : `${a.subjectType} #${a.subjectId}`}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One request (APR-1): what is asked, the chain and its history, and the actions the viewer may take. */
export default function ApprovalDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const run = useApprovalAction(id);
  const approval = useQuery({
    queryKey: approvalKey(id),
    queryFn: () => call(api.GET('/api/approvals/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });

  if (approval.error) return <Result status="404" title={errorMessage(approval.error, t('error.network'))} />;
  const a = approval.data;

  const actions: ReactNode[] = [];
  if (a?.can.act) {
    actions.push(
      <Button key="approve" type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')}>
        {t('approval.approve')}
      </Button>,
      <Button key="reject" danger icon={<CloseOutlined />} onClick={() => setDialog('reject')}>
        {t('approval.reject')}
      </Button>,
      <Button key="return" icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
        {t('approval.return')}
      </Button>,
      <Button key="transfer" icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
        {t('approval.transfer')}
      </Button>,
    );
  }
  if (a?.can.withdraw) {
    actions.push(
      <Popconfirm key="withdraw" title={t('approval.confirmWithdraw')} onConfirm={() => run('withdraw', {})}>
        <Button icon={<UndoOutlined />}>{t('approval.withdraw')}</Button>
      </Popconfirm>,
    );
  }
  if (a?.can.comment) {
    actions.push(
      <Button key="comment" icon={<MessageOutlined />} onClick={() => setDialog('comment')}>
        {t('approval.comment')}
      </Button>,
    );
  }

  return (
    <PageContainer
      loading={approval.isPending}
      title={a?.summary}
      subTitle={a && <Typography.Text type="secondary">#{a.id}</Typography.Text>}
      tags={a && <ApprovalStatusTag status={a.status} />}
      onBack={() => void navigate(-1)}
      extra={actions}
      content={a && <Summary approval={a} />}
    >
      {a && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={t('approval.content')}>
                <Payload approval={a} />
              </Card>
              <Card title={t('approval.chain')}>
                <Chain approval={a} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('approval.timeline')}>
              <ApprovalTimeline entries={a.timeline} chain={a.chain} />
            </Card>
          </Col>
        </Row>
      )}
      {dialog && <ActionDialog approvalId={id} action={dialog} open onOpenChange={(open) => !open && setDialog(null)} />}
    </PageContainer>
  );
}
