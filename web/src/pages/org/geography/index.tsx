import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys, useGeographies } from '../../../api/queries';
import type { Geography } from '../../../api/types';
import { errorMessage, useReportError } from '../../../components/errors';
import { GeographyKindTag } from '../../../components/tags';
import { mapTree, nest } from '../../../components/tree';
import { GeographyForm } from './GeographyForm';

type Row = Geography & { children?: Row[] };
type Editing = { kind: 'create'; parent?: Geography } | { kind: 'edit'; geography: Geography } | null;

/** Sales geography (ORG-3): markets → regions → territories with their owners and provinces. */
export default function GeographyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useAccess();
  const manage = can(Access.structureManage);
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const geographies = useGeographies();
  const [editing, setEditing] = useState<Editing>(null);

  const rows = useMemo(
    () =>
      mapTree(
        nest(
          geographies.data ?? [],
          (g) => g.id,
          (g) => g.parentId,
        ),
        (g, children): Row => ({ ...g, children }),
      ),
    [geographies.data],
  );
  const provinces = useMemo(() => [...new Set((geographies.data ?? []).flatMap((g) => g.provinces))], [geographies.data]);

  const remove = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/org/geographies/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: keys.geographies });
    },
    onError: (error) => reportError(error),
  });

  if (geographies.error) return <Result status="error" title={errorMessage(geographies.error, t('error.network'))} />;

  return (
    <PageContainer
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
            {t('geography.createMarket')}
          </Button>
        )
      }
    >
      <Card loading={geographies.isPending}>
        <Table<Row>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandedRowKeys: rows.map((r) => r.id) }}
          columns={[
            {
              title: t('geography.name'),
              dataIndex: 'name',
              render: (name: string, g) => (
                <Space size={6}>
                  <Typography.Text strong={g.kind === 'market'}>{name}</Typography.Text>
                  <GeographyKindTag kind={g.kind} />
                </Space>
              ),
            },
            { title: t('geography.code'), dataIndex: 'code' },
            {
              title: t('geography.owner'),
              dataIndex: 'ownerName',
              render: (name: string | null, g) => (name && g.ownerUserId ? <Link to={`/org/users/${g.ownerUserId}`}>{name}</Link> : '–'),
            },
            {
              title: t('geography.provinces'),
              dataIndex: 'provinces',
              render: (list: string[]) => (
                <Space size={[2, 2]} wrap style={{ maxWidth: 360 }}>
                  {list.map((p) => (
                    <Tag key={p} bordered={false}>
                      {p}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('geography.userCount'), dataIndex: 'userCount', align: 'right', width: 90 },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 130,
                    render: (_: unknown, g: Row) => (
                      <Space size={0}>
                        {g.kind !== 'territory' && (
                          <Tooltip title={t('geography.createChild')}>
                            <Button
                              type="link"
                              size="small"
                              icon={<PlusOutlined />}
                              onClick={() => setEditing({ kind: 'create', parent: g })}
                            />
                          </Tooltip>
                        )}
                        <Tooltip title={t('common.edit')}>
                          <Button
                            type="link"
                            size="small"
                            icon={<EditOutlined />}
                            onClick={() => setEditing({ kind: 'edit', geography: g })}
                          />
                        </Tooltip>
                        <Popconfirm
                          title={t('geography.confirmDelete', { name: g.name })}
                          onConfirm={() => remove.mutateAsync(g.id).catch(() => undefined)}
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
      </Card>
      <GeographyForm
        geography={editing?.kind === 'edit' ? editing.geography : undefined}
        parent={editing?.kind === 'create' ? editing.parent : undefined}
        provinces={provinces}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
    </PageContainer>
  );
}
