import { DollarOutlined, EditOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { ApprovalDetail, ExpenseClaimDetail } from '../../../api/types';
import { ApprovalStatusTag } from '../../../components/ApprovalStatusTag';
import { ApprovalTimeline } from '../../../components/ApprovalTimeline';
import { AttachmentList } from '../../../components/AttachmentList';
import { ChainPreview, useChainPreview } from '../../../components/ChainPreview';
import { errorMessage, useReportError } from '../../../components/errors';
import { formatDate, formatDateTime, formatFen } from '../../../components/format';
import { useSession } from '../../../session';
import { approvalKey } from '../../approvals/detail/useApprovalAction';
import { ExpenseForm } from '../ExpenseForm';
import { ExpenseStatusTag } from '../ExpenseStatusTag';
import { editableStatuses, expenseApprovalType } from '../options';
import { PayForm } from './PayForm';

type Dialog = 'edit' | 'pay' | null;

function Summary({ claim: c }: { claim: ExpenseClaimDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label={t('expense.claimant')}>{c.claimantName}</Descriptions.Item>
      <Descriptions.Item label={t('expense.geography')}>{c.geographyName ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('expense.amount')}>
        <Typography.Text strong>{formatFen(c.amount, i18n.language)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('expense.date')}>{formatDate(c.date)}</Descriptions.Item>
      <Descriptions.Item label={t('expense.category')}>{t(`expenseCategory.${c.category}`)}</Descriptions.Item>
      <Descriptions.Item label={t('expense.customerId')}>{c.customerId ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('expense.submittedAt')}>{formatDateTime(c.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('expense.decidedAt')}>{formatDateTime(c.decidedAt)}</Descriptions.Item>
      {c.status === 'paid' && (
        <>
          <Descriptions.Item label={t('expense.paidAt')}>{formatDateTime(c.paidAt)}</Descriptions.Item>
          <Descriptions.Item label={t('expense.paidBy')}>{c.paidByName ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('expense.paymentReference')}>{c.paymentReference ?? '–'}</Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

/** Where the claim stands in the engine: status, who decides now, and the history. */
function ApprovalCard({ approvalId, approval }: { approvalId: number; approval: ApprovalDetail | undefined }) {
  const { t } = useTranslation();
  return (
    <Card title={t('expense.approval')} extra={<Link to={`/approvals/${approvalId}`}>{t('expense.openApproval')}</Link>}>
      {approval ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('expense.approvalStatus')}>
              <ApprovalStatusTag status={approval.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('expense.currentApprovers')}>
              {approval.currentApprovers.map((p) => p.displayName).join(t('approval.separator')) || '–'}
            </Descriptions.Item>
          </Descriptions>
          <ApprovalTimeline entries={approval.timeline} chain={approval.chain} />
        </Space>
      ) : (
        <Spin />
      )}
    </Card>
  );
}

function SubmitPreview({ claim }: { claim: ExpenseClaimDetail }) {
  const { t } = useTranslation();
  const preview = useChainPreview({ type: expenseApprovalType, requesterId: claim.claimantId, amount: claim.amount });
  return (
    <div style={{ maxWidth: 360 }}>
      <Typography.Text type="secondary">{t('expense.willBeApprovedBy')}</Typography.Text>
      {preview.data ? <ChainPreview chain={preview.data} /> : <Spin size="small" />}
    </div>
  );
}

/** One claim (PLN-5): its content and files, its approval, and what the claimant or finance may do next. */
export default function ExpenseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useAccess();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const claimKey = [...keys.expenses, id];

  const claim = useQuery({
    queryKey: claimKey,
    queryFn: () => call(api.GET('/api/expense-claims/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    // The claim learns the engine's decision through the outbox, a moment after the approval ends.
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data?.status !== 'submitted' || data.approvalId === null) return false;
      const decided = queryClient.getQueryData<ApprovalDetail>(approvalKey(data.approvalId));
      return decided && decided.status !== 'pending' ? 1000 : false;
    },
  });
  const approvalId = claim.data?.approvalId ?? null;
  const approval = useQuery({
    queryKey: approvalKey(approvalId ?? 0),
    queryFn: () => call(api.GET('/api/approvals/{id}', { params: { path: { id: approvalId ?? 0 } } })),
    enabled: approvalId !== null,
    retry: false,
  });

  const changed = (text: string) => () => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: keys.expenses });
    void queryClient.invalidateQueries({ queryKey: keys.approvals });
  };
  const path = { params: { path: { id } } };
  const submit = useMutation({
    mutationFn: () => call(api.POST('/api/expense-claims/{id}/submit', path)),
    onSuccess: changed(t('expense.submitted')),
    onError: (error) => reportError(error),
  });
  const withdraw = useMutation({
    mutationFn: () => call(api.POST('/api/expense-claims/{id}/withdraw', path)),
    onSuccess: changed(t('expense.withdrawn')),
    onError: (error) => reportError(error),
  });

  if (claim.error) return <Result status="404" title={errorMessage(claim.error, t('error.network'))} />;
  const c = claim.data;
  const mine = c?.claimantId === user.id;

  const actions: ReactNode[] = [];
  if (c && mine && editableStatuses.includes(c.status)) {
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>,
      <Popconfirm
        key="submit"
        title={c.status === 'returned' ? t('expense.resubmit') : t('expense.submit')}
        description={<SubmitPreview claim={c} />}
        onConfirm={() => submit.mutateAsync().catch(() => undefined)}
      >
        <Button type="primary" icon={<SendOutlined />} loading={submit.isPending}>
          {c.status === 'returned' ? t('expense.resubmit') : t('expense.submit')}
        </Button>
      </Popconfirm>,
    );
  }
  if (c && mine && c.status === 'submitted') {
    actions.push(
      <Popconfirm key="withdraw" title={t('expense.confirmWithdraw')} onConfirm={() => withdraw.mutateAsync().catch(() => undefined)}>
        <Button icon={<UndoOutlined />} loading={withdraw.isPending}>
          {t('expense.withdraw')}
        </Button>
      </Popconfirm>,
    );
  }
  if (c && c.status === 'approved' && can(Access.expensesPay)) {
    actions.push(
      <Button key="pay" type="primary" icon={<DollarOutlined />} onClick={() => setDialog('pay')}>
        {t('expense.pay')}
      </Button>,
    );
  }
  const close = (open: boolean) => !open && setDialog(null);

  return (
    <PageContainer
      loading={claim.isPending}
      title={c && `${t(`expenseCategory.${c.category}`)} · ${c.claimantName}`}
      subTitle={c && <Typography.Text type="secondary">#{c.id}</Typography.Text>}
      tags={c && <ExpenseStatusTag status={c.status} />}
      onBack={() => void navigate('/expenses')}
      extra={actions}
      content={c && <Summary claim={c} />}
    >
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={t('expense.description')}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
              </Card>
              <Card title={t('expense.attachments')}>
                <AttachmentList files={c.attachments} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            {c.approvalId !== null && (approval.error ? null : <ApprovalCard approvalId={c.approvalId} approval={approval.data} />)}
          </Col>
          {mine && <ExpenseForm claim={c} open={dialog === 'edit'} onOpenChange={close} />}
          <PayForm claim={c} open={dialog === 'pay'} onOpenChange={close} />
        </Row>
      )}
    </PageContainer>
  );
}
