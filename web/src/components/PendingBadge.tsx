import { CarryOutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { keys } from '../api/queries';

/** Under keys.approvals, so every approval action that refreshes approvals refreshes the count too. */
export const pendingCountKey = [...keys.approvals, 'count'] as const;

/** How many decisions wait for me, polled so that new requests show without a reload. */
export function usePendingCount(): number {
  const pending = useQuery({
    queryKey: pendingCountKey,
    queryFn: () => call(api.GET('/api/approvals/count')),
    refetchInterval: 30_000,
  });
  return pending.data?.count ?? 0;
}

/** The header's link to my inbox with the pending count. */
export function PendingBadge() {
  const { t } = useTranslation();
  const count = usePendingCount();
  return (
    <Tooltip title={t('approval.pendingBadge')}>
      <Link to="/approvals/inbox" aria-label={`${t('approval.pendingBadge')}: ${count}`} data-testid="pending-approvals">
        <Badge count={count} size="small" offset={[2, -2]}>
          <CarryOutOutlined style={{ fontSize: 16, color: 'rgba(0, 0, 0, 0.65)' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
