import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import type { User } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { DepartmentPicker, GeographyPicker, PositionPicker } from '../../../components/pickers';
import { LadderTag, UserStatusTag } from '../../../components/tags';
import { UserCreateForm } from './UserCreateForm';

type Sort = 'username' | 'displayName' | 'createdAt';

interface Params {
  current?: number;
  pageSize?: number;
  q?: string;
  status?: User['status'];
  departmentId?: number;
  positionId?: number;
  geographyId?: number;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const [creating, setCreating] = useState(false);

  const columns: ProColumns<User>[] = [
    { title: t('common.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('user.searchHint') } },
    {
      title: t('user.displayName'),
      dataIndex: 'displayName',
      search: false,
      sorter: true,
      fixed: 'left',
      render: (_, u) => <Link to={`/org/users/${u.id}`}>{u.displayName}</Link>,
    },
    { title: t('user.username'), dataIndex: 'username', search: false, sorter: true, copyable: true },
    { title: t('user.mobile'), dataIndex: 'mobile', search: false },
    {
      title: t('user.position'),
      dataIndex: 'positionId',
      render: (_, u) =>
        u.positionName ? (
          <Space size={4}>
            {u.positionName}
            <LadderTag ladder={u.ladder} />
          </Space>
        ) : (
          '–'
        ),
      renderFormItem: () => <PositionPicker />,
    },
    {
      title: t('user.department'),
      dataIndex: 'departmentId',
      render: (_, u) => u.departmentName ?? '–',
      renderFormItem: () => <DepartmentPicker />,
    },
    {
      title: t('user.geography'),
      dataIndex: 'geographyId',
      render: (_, u) => u.geographyName ?? '–',
      renderFormItem: () => <GeographyPicker />,
    },
    {
      title: t('user.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: { active: { text: t('userStatus.active') }, left: { text: t('userStatus.left') } },
      render: (_, u) => <UserStatusTag status={u.status} />,
    },
    { title: t('user.createdAt'), dataIndex: 'createdAt', search: false, sorter: true, render: (_, u) => formatDateTime(u.createdAt) },
  ];

  return (
    <PageContainer>
      <ProTable<User, Params>
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        cardBordered
        columnEmptyText="–"
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async (params, sorter) => {
          const { current = 1, pageSize = 20, q, status, departmentId, positionId, geographyId } = params;
          const [sort, order] = (Object.entries(sorter)[0] ?? []) as [Sort | undefined, 'ascend' | 'descend' | undefined];
          const page = await call(
            api.GET('/api/org/users', {
              params: {
                query: {
                  q: q || undefined,
                  status,
                  departmentId,
                  positionId,
                  geographyId,
                  limit: pageSize,
                  offset: (current - 1) * pageSize,
                  sort,
                  order: order ? (order === 'ascend' ? 'asc' : 'desc') : undefined,
                },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          can(Access.usersManage)
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('user.create')}
                </Button>,
              ]
            : []
        }
      />
      <UserCreateForm open={creating} onOpenChange={setCreating} />
    </PageContainer>
  );
}
