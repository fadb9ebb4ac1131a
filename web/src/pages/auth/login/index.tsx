import { LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api, call } from '../../../api/client';
import { errorMessage, markFields } from '../../../components/errors';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

interface Values {
  login: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const from = (location.state as { from?: string } | null)?.from;

  const login = useMutation({
    mutationFn: (body: Values) => call(api.POST('/api/auth/login', { body })),
    onSuccess: () => {
      queryClient.clear();
      void navigate(from && from !== '/login' ? from : '/', { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError) markFields(form, error);
    },
  });

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Flex justify="flex-end" style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch signedIn={false} />
      </Flex>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <ShopOutlined style={{ fontSize: 40, color: '#1677ff' }} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            Sales OS
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.tagline')}</Typography.Text>
        </Flex>
        {login.error && (
          <Alert type="error" showIcon message={errorMessage(login.error, t('error.network'))} style={{ marginBottom: 16 }} />
        )}
        <Form<Values> form={form} layout="vertical" size="large" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item name="login" rules={[{ required: true, message: t('auth.loginRequired') }]}>
            <Input prefix={<UserOutlined />} placeholder={t('auth.loginPlaceholder')} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} placeholder={t('auth.password')} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
