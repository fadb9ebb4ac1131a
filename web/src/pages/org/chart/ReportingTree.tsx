import { Card, Empty, Space, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePositions } from '../../../api/queries';
import type { Position } from '../../../api/types';
import { HeadcountTag } from '../../../components/HeadcountTag';
import { LadderTag } from '../../../components/tags';
import { mapTree, nest } from '../../../components/tree';

function PositionNode({ position }: { position: Position }) {
  const { t } = useTranslation();
  const holders = position.holders.map((h) => h.displayName).join('、');
  return (
    <Space size={6} wrap>
      <Typography.Text strong>{position.name}</Typography.Text>
      <LadderTag ladder={position.ladder} />
      <HeadcountTag filled={position.filled} headcount={position.headcount} />
      <Typography.Text type="secondary">{position.departmentName}</Typography.Text>
      <Typography.Text>{holders || t('home.vacant')}</Typography.Text>
    </Space>
  );
}

/** The org chart proper (ORG-2): positions nested under their direct superior. */
export function ReportingTree() {
  const positions = usePositions();
  const treeData = useMemo(
    () =>
      mapTree(
        nest(
          positions.data ?? [],
          (p) => p.id,
          (p) => p.superiorId,
        ),
        (p, children): DataNode => ({ key: p.id, title: <PositionNode position={p} />, children }),
      ),
    [positions.data],
  );
  if (positions.isPending) return <Spin />;
  return <Card>{treeData.length ? <Tree treeData={treeData} showLine defaultExpandAll selectable={false} blockNode /> : <Empty />}</Card>;
}
