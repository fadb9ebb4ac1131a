import { LockOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountGrade, AccountStatus, DisputeStatus } from './types';

const gradeColors: Record<AccountGrade, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };
const statusColors: Record<AccountStatus, string> = { active: 'success', dormant: 'warning', closed: 'default' };
const disputeColors: Record<DisputeStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function GradeTag({ grade }: { grade: AccountGrade | null | undefined }) {
  const { t } = useTranslation();
  if (!grade) return <span>–</span>;
  return <Tag color={gradeColors[grade]}>{t('customers.gradeLabel', { grade })}</Tag>;
}

export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`customers.status.${status}`)}</Tag>;
}

export function DisputeStatusTag({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation();
  return <Tag color={disputeColors[status]}>{t(`customers.disputeStatus.${status}`)}</Tag>;
}

export function LockedTag({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  if (!locked) return null;
  return (
    <Tooltip title={t('customers.account.lockedHint')}>
      <Tag icon={<LockOutlined />} color="purple">
        {t('customers.field.locked')}
      </Tag>
    </Tooltip>
  );
}

/** The owner, or "public pool" when nobody holds the account. */
export function OwnerText({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return name ? <span>{name}</span> : <Tag>{t('customers.pool.inPool')}</Tag>;
}
