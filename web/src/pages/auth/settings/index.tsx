import { KeyOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../../../components/ChangePasswordModal';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useSession } from '../../../session';
import { TokensCard } from './TokensCard';

/** My account: language, password and personal API tokens. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <PageContainer>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('settings.account')}>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('user.displayName')}>{user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('user.username')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('user.position')}>{user.positionName ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('user.department')}>{user.departmentName ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('user.language')}>
              <LanguageSwitch signedIn />
            </Descriptions.Item>
            <Descriptions.Item label={t('password.label')}>
              <Button icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)}>
                {t('password.change')}
              </Button>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <TokensCard />
      </Space>
      <ChangePasswordModal open={passwordOpen} onOpenChange={setPasswordOpen} />
    </PageContainer>
  );
}
