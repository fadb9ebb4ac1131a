import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Geography, Ladder, User } from '../api/types';

const ladderColors: Record<Ladder, string> = { director: 'magenta', manager: 'blue', supervisor: 'cyan', representative: 'green' };
const geographyColors: Record<Geography['kind'], string> = { market: 'volcano', region: 'gold', territory: 'lime' };

export function LadderTag({ ladder }: { ladder: Ladder | null | undefined }) {
  const { t } = useTranslation();
  return ladder ? <Tag color={ladderColors[ladder]}>{t(`ladder.${ladder}`)}</Tag> : null;
}

export function GeographyKindTag({ kind }: { kind: Geography['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={geographyColors[kind]}>{t(`geographyKind.${kind}`)}</Tag>;
}

export function UserStatusTag({ status }: { status: User['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'success' : 'default'}>{t(`userStatus.${status}`)}</Tag>;
}
