import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Popconfirm, Result, Row, Space, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys, useDepartments } from '../../../api/queries';
import type { Department } from '../../../api/types';
import { errorMessage, useReportError } from '../../../components/errors';
import { mapTree, nest } from '../../../components/tree';
import { DepartmentForm } from './DepartmentForm';
import { PositionTable } from './PositionTable';
import { ReportingTree } from './ReportingTree';

type Editing = { kind: 'create'; parentId: number | null } | { kind: 'edit'; department: Department } | null;

function DepartmentTitle({ department }: { department: Department }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <span>{department.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('department.counts', { positions: department.positionCount, users: department.userCount })}
      </Typography.Text>
    </Space>
  );
}

function DepartmentsPane() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useAccess();
  const manage = can(Access.structureManage);
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const departments = useDepartments();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  // Everything starts expanded; a department created later opens its parent so it can be seen.
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const expandedKeys = expanded ?? (departments.data ?? []).map((d) => d.id);

  const treeData = useMemo(
    () =>
      mapTree(
        nest(
          departments.data ?? [],
          (d) => d.id,
          (d) => d.parentId,
        ),
        (d, children): DataNode => ({ key: d.id, title: <DepartmentTitle department={d} />, children }),
      ),
    [departments.data],
  );
  const selected = departments.data?.find((d) => d.id === selectedId) ?? departments.data?.[0];

  const remove = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/org/departments/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('common.deleted'));
      setSelectedId(null);
      void queryClient.invalidateQueries({ queryKey: keys.departments });
    },
    onError: (error) => reportError(error),
  });

  if (departments.error) return <Result status="error" title={errorMessage(departments.error, t('error.network'))} />;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={{ flex: '300px' }}>
        <Card
          title={t('department.title')}
          loading={departments.isPending}
          extra={
            manage && (
              <Space size={0}>
                <Tooltip title={t('department.createChild')}>
                  <Button
                    type="text"
                    icon={<PlusOutlined />}
                    onClick={() => setEditing({ kind: 'create', parentId: selected?.id ?? null })}
                  />
                </Tooltip>
                {selected && (
                  <>
                    <Tooltip title={t('common.edit')}>
                      <Button type="text" icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit', department: selected })} />
                    </Tooltip>
                    <Popconfirm
                      title={t('department.confirmDelete', { name: selected.name })}
                      onConfirm={() => remove.mutateAsync(selected.id).catch(() => undefined)}
                    >
                      <Tooltip title={t('common.delete')}>
                        <Button type="text" danger icon={<DeleteOutlined />} />
                      </Tooltip>
                    </Popconfirm>
                  </>
                )}
              </Space>
            )
          }
          styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}
        >
          {treeData.length ? (
            <Tree
              treeData={treeData}
              expandedKeys={expandedKeys}
              onExpand={setExpanded}
              blockNode
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(selectedKeys) => selectedKeys[0] !== undefined && setSelectedId(Number(selectedKeys[0]))}
            />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
        {selected ? <PositionTable department={selected} /> : <Card loading={departments.isPending} />}
      </Col>
      <DepartmentForm
        department={editing?.kind === 'edit' ? editing.department : undefined}
        parentId={editing?.kind === 'create' ? editing.parentId : null}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={(department) => {
          setSelectedId(department.id);
          if (department.parentId !== null) setExpanded([...expandedKeys, department.parentId]);
        }}
      />
    </Row>
  );
}

export default function OrgChartPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('departments');
  return (
    <PageContainer
      tabActiveKey={tab}
      onTabChange={setTab}
      tabList={[
        { key: 'departments', tab: t('orgChart.departmentsTab') },
        { key: 'reporting', tab: t('orgChart.reportingTab') },
      ]}
    >
      {tab === 'departments' ? <DepartmentsPane /> : <ReportingTree />}
    </PageContainer>
  );
}
