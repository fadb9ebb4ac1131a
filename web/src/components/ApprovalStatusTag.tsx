import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalDetail, ApprovalStatus } from '../api/types';

type TaskStatus = ApprovalDetail['tasks'][number]['status'];

const approvalColors: Record<ApprovalStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};

const taskColors: Record<TaskStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  transferred: 'purple',
  skipped: 'default',
  cancelled: 'default',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return <Tag color={approvalColors[status]}>{t(`approvalStatus.${status}`)}</Tag>;
}

/** One approver's part of a step: waiting, approved, transferred … */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={taskColors[status]}>{t(`taskStatus.${status}`)}</Tag>;
}
