import {
  AlertOutlined,
  BellOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  ForwardOutlined,
  MessageOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalDetail, ApprovalTimelineEntry } from '../api/types';
import { formatDateTime } from './format';

type Action =
  | 'requested'
  | 'resubmitted'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'transferred'
  | 'withdrawn'
  | 'commented'
  | 'reminded'
  | 'escalated'
  | 'skipped';

const looks: Record<Action, { color: string; icon: ReactNode }> = {
  requested: { color: 'blue', icon: <SendOutlined /> },
  resubmitted: { color: 'blue', icon: <SendOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  returned: { color: 'orange', icon: <RollbackOutlined /> },
  transferred: { color: 'purple', icon: <SwapOutlined /> },
  withdrawn: { color: 'gray', icon: <UndoOutlined /> },
  commented: { color: 'blue', icon: <MessageOutlined /> },
  reminded: { color: 'gray', icon: <BellOutlined /> },
  escalated: { color: 'orange', icon: <AlertOutlined /> },
  skipped: { color: 'gray', icon: <ForwardOutlined /> },
};

function isAction(action: string): action is Action {
  return action in looks;
}

/** The immutable history of a request (APR-1): who did what, when, and what they wrote. */
export function ApprovalTimeline({ entries, chain }: { entries: ApprovalTimelineEntry[]; chain: ApprovalDetail['chain'] }) {
  const { t } = useTranslation();
  const items = entries.map((entry) => {
    const known = isAction(entry.action) ? entry.action : null;
    const stepName = entry.stepIndex === null ? '' : (chain[entry.stepIndex]?.name ?? `#${entry.stepIndex + 1}`);
    const text = known
      ? t(`timeline.${known}`, { actor: entry.actorName ?? t('timeline.system'), target: entry.targetUserName ?? '–', step: stepName })
      : entry.action;
    return {
      key: entry.id,
      color: known ? looks[known].color : 'gray',
      dot: known ? looks[known].icon : undefined,
      children: (
        <div data-action={entry.action}>
          <Typography.Text strong>{text}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(entry.at)}
              {entry.round > 1 && ` · ${t('timeline.round', { round: entry.round })}`}
            </Typography.Text>
          </div>
          {entry.comment && (
            <Typography.Paragraph style={{ margin: '4px 0 0', padding: '4px 8px', background: '#fafafa', borderRadius: 4 }}>
              {entry.comment}
            </Typography.Paragraph>
          )}
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}
