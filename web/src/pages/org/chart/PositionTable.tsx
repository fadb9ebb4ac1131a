import { DeleteOutlined, EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys, usePositions } from '../../../api/queries';
import type { Department, Position } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { HeadcountTag } from '../../../components/HeadcountTag';
import { LadderTag } from '../../../components/tags';
import { PermissionsModal } from './PermissionsModal';
import { PositionForm } from './PositionForm';

type Editing = { kind: 'create' } | { kind: 'edit'; position: Position } | { kind: 'permissions'; position: Position } | null;

/** The positions of one department with quota, holders and, for structure managers, their editors. */
export function PositionTable({ department }: { department: Department }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useAccess();
  const manage = can(Access.structureManage);
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const positions = usePositions(department.id);
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/org/positions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: keys.positions });
      void queryClient.invalidateQueries({ queryKey: keys.departments });
    },
    onError: (error) => reportError(error),
  });

  return (
    <Card
      title={
        <Space>
          {department.name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('department.headLabel')}: {department.headName ?? '–'}
          </Typography.Text>
        </Space>
      }
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
            {t('position.create')}
          </Button>
        )
      }
    >
      <Table<Position>
        rowKey="id"
        size="small"
        loading={positions.isPending}
        dataSource={positions.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('position.none') }}
        expandable={{
          rowExpandable: (p) => Boolean(p.duties),
          expandedRowRender: (p) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.duties}</Typography.Paragraph>,
        }}
        columns={[
          {
            title: t('position.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space>
                {name}
                <LadderTag ladder={p.ladder} />
              </Space>
            ),
          },
          { title: t('position.superior'), dataIndex: 'superiorName', render: (v: string | null) => v ?? '–' },
          {
            title: t('position.headcount'),
            key: 'headcount',
            width: 90,
            render: (_, p) => <HeadcountTag filled={p.filled} headcount={p.headcount} />,
          },
          {
            title: t('position.holders'),
            dataIndex: 'holders',
            render: (holders: Position['holders']) =>
              holders.length ? (
                <Space size={[4, 4]} wrap style={{ maxWidth: 220 }}>
                  {holders.map((h) => (
                    <Link key={h.id} to={`/org/users/${h.id}`}>
                      <Tag>{h.displayName}</Tag>
                    </Link>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('home.vacant')}</Typography.Text>
              ),
          },
          {
            title: t('position.dataScope'),
            dataIndex: 'dataScope',
            width: 110,
            render: (scope: Position['dataScope']) => t(`dataScope.${scope}`),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 110,
                  render: (_: unknown, p: Position) => (
                    <Space size={0}>
                      <Tooltip title={t('common.edit')}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ kind: 'edit', position: p })}
                        />
                      </Tooltip>
                      <Tooltip title={t('position.permissions')}>
                        <Button
                          type="link"
                          size="small"
                          icon={<KeyOutlined />}
                          onClick={() => setEditing({ kind: 'permissions', position: p })}
                        />
                      </Tooltip>
                      <Popconfirm
                        title={t('position.confirmDelete', { name: p.name })}
                        onConfirm={() => remove.mutateAsync(p.id).catch(() => undefined)}
                      >
                        <Tooltip title={t('common.delete')}>
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                        </Tooltip>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing?.kind === 'permissions' ? (
        <PermissionsModal position={editing.position} open onOpenChange={(open) => !open && setEditing(null)} />
      ) : (
        <PositionForm
          position={editing?.kind === 'edit' ? editing.position : undefined}
          departmentId={department.id}
          open={editing !== null}
          onOpenChange={(open) => !open && setEditing(null)}
        />
      )}
    </Card>
  );
}
