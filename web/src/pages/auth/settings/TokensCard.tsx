import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDigit, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { ApiToken } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';

interface Values {
  name: string;
  expiresInDays?: number;
}

/** Personal API tokens for integrations (bearer); the secret is shown once, right after creation. */
export function TokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: () => call(api.GET('/api/auth/tokens')) });
  const onFinish = useSubmit(form, (body: Values) => call(api.POST('/api/auth/tokens', { body })), {
    success: t('token.created'),
    invalidate: [keys.tokens],
    onSaved: (token) => setSecret(token.token),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('token.revoked'));
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (error) => reportError(error),
  });

  return (
    <Card
      title={t('token.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('token.create')}
        </Button>
      }
    >
      {secret && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 16 }}
          message={t('token.copyNow')}
          description={
            <Typography.Text code copyable>
              {secret}
            </Typography.Text>
          }
        />
      )}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('token.none') }}
        columns={[
          { title: t('token.name'), dataIndex: 'name' },
          { title: t('token.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: t('token.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('token.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('token.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDateTime(v) : t('token.never')) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, token) => (
              <Popconfirm
                title={t('token.confirmRevoke', { name: token.name })}
                onConfirm={() => revoke.mutateAsync(token.id).catch(() => undefined)}
              >
                <Button type="link" danger size="small" icon={<DeleteOutlined />}>
                  {t('token.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <ModalForm<Values>
        title={t('token.create')}
        form={form}
        open={creating}
        onOpenChange={setCreating}
        width={420}
        modalProps={{ destroyOnHidden: true }}
        onFinish={onFinish}
      >
        <ProFormText
          name="name"
          label={t('token.name')}
          rules={[{ required: true }, { max: 60 }]}
          placeholder={t('token.namePlaceholder')}
        />
        <ProFormDigit name="expiresInDays" label={t('token.expiresInDays')} min={1} max={3650} fieldProps={{ precision: 0 }} />
      </ModalForm>
    </Card>
  );
}
