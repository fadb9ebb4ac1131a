import { DownOutlined, EditOutlined, KeyOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Dropdown, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import { errorMessage } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { LadderTag, UserStatusTag } from '../../../components/tags';
import { MoveHistory } from './MoveHistory';
import { MoveForm, type MoveKind, ResetPasswordForm, UserEditForm } from './UserForms';

type Dialog = 'edit' | 'password' | MoveKind | null;

export default function UserDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useAccess();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const user = useQuery({
    queryKey: [...keys.users, id],
    queryFn: () => call(api.GET('/api/org/users/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });

  if (user.error) return <Result status="404" title={errorMessage(user.error, t('error.network'))} />;
  const u = user.data;
  const active = u?.status === 'active';
  const close = (open: boolean) => !open && setDialog(null);

  const actions = [];
  if (u && can(Access.usersManage)) {
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>,
      <Button key="password" icon={<KeyOutlined />} onClick={() => setDialog('password')} disabled={!active}>
        {t('user.resetPassword')}
      </Button>,
    );
  }
  if (u && active && can(Access.movesManage)) {
    actions.push(
      <Dropdown
        key="moves"
        menu={{
          items: (['promote', 'transfer', 'leave'] as const).map((kind) => ({
            key: kind,
            label: t(`moveKind.${kind}`),
            danger: kind === 'leave',
            onClick: () => setDialog(kind),
          })),
        }}
      >
        <Button type="primary">
          <Space>
            {t('move.actions')}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>,
    );
  }

  return (
    <PageContainer
      loading={user.isPending}
      title={u?.displayName}
      tags={u && <UserStatusTag status={u.status} />}
      onBack={() => void navigate(-1)}
      extra={actions}
    >
      {u && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('user.username')}>{u.username}</Descriptions.Item>
              <Descriptions.Item label={t('user.mobile')}>{u.mobile ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('user.email')}>{u.email ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('user.position')}>
                {u.positionName ? (
                  <Space size={4}>
                    {u.positionName}
                    <LadderTag ladder={u.ladder} />
                  </Space>
                ) : (
                  '–'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('user.department')}>{u.departmentName ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('user.geography')}>{u.geographyName ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('user.language')}>{u.locale ? t(`language.${u.locale}`) : '–'}</Descriptions.Item>
              <Descriptions.Item label={t('user.admin')}>{u.isAdmin ? t('common.yes') : t('common.no')}</Descriptions.Item>
              <Descriptions.Item label={t('user.createdAt')}>{formatDateTime(u.createdAt)}</Descriptions.Item>
              {u.leftAt && <Descriptions.Item label={t('user.leftAt')}>{formatDateTime(u.leftAt)}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {can(Access.movesManage) && <MoveHistory userId={u.id} />}
          <UserEditForm user={u} open={dialog === 'edit'} onOpenChange={close} />
          <ResetPasswordForm user={u} open={dialog === 'password'} onOpenChange={close} />
          {(dialog === 'promote' || dialog === 'transfer' || dialog === 'leave') && (
            <MoveForm user={u} kind={dialog} open onOpenChange={close} />
          )}
        </Space>
      )}
    </PageContainer>
  );
}
