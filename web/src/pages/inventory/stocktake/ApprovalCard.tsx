import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { ApprovalStatusTag } from '../../../components/ApprovalStatusTag';
import { ApprovalTimeline } from '../../../components/ApprovalTimeline';
import { approvalKey } from '../../approvals/detail/useApprovalAction';

/** Where the sheet stands in the approval engine; those who may not read the approval just get its link. */
export function ApprovalCard({ approvalId }: { approvalId: number }) {
  const { t } = useTranslation();
  const approval = useQuery({
    queryKey: approvalKey(approvalId),
    queryFn: () => call(api.GET('/api/approvals/{id}', { params: { path: { id: approvalId } } })),
    retry: false,
  });
  return (
    <Card title={t('stocktake.approval')} extra={<Link to={`/approvals/${approvalId}`}>{t('stocktake.openApproval')}</Link>}>
      {approval.data && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('expense.approvalStatus')}>
              <ApprovalStatusTag status={approval.data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('expense.currentApprovers')}>
              {approval.data.currentApprovers.map((p) => p.displayName).join(t('approval.separator')) || '–'}
            </Descriptions.Item>
          </Descriptions>
          <ApprovalTimeline entries={approval.data.timeline} chain={approval.data.chain} />
        </Space>
      )}
    </Card>
  );
}
