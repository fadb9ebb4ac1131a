import { PageContainer } from '@ant-design/pro-components';
import { Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { typeLabel, useApprovalTypes } from '../useApprovalTypes';
import { DefinitionEditor } from './DefinitionEditor';
import { PreviewCard } from './PreviewCard';

/** The approval flow of every registered request type, editable by an administrator (APR-1). */
export default function ApprovalDefinitionsPage() {
  const { t } = useTranslation();
  const types = useApprovalTypes();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = types.data ?? [];
  const type = list.find((candidate) => candidate.key === chosen) ?? list[0];

  return (
    <PageContainer
      loading={types.isPending}
      content={<Typography.Text type="secondary">{t('approvalDef.intro')}</Typography.Text>}
      tabActiveKey={type?.key}
      onTabChange={setChosen}
      tabList={list.map((candidate) => ({
        key: candidate.key,
        tab: (
          <Space size={6}>
            {typeLabel(candidate)}
            {candidate.isDefault ? <Tag>{t('approvalDef.isDefault')}</Tag> : <Tag color="blue">{t('approvalDef.customized')}</Tag>}
          </Space>
        ),
      }))}
    >
      {types.error && <Empty description={errorMessage(types.error, t('error.network'))} />}
      {type && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                <code>{type.key}</code>
                {type.updatedAt && ` · ${t('approvalDef.updatedAt')} ${formatDateTime(type.updatedAt)}`}
              </Typography.Text>
              {/* Keyed by type and version, so switching tabs or saving starts from the definition in force. */}
              <DefinitionEditor key={`${type.key}-${type.updatedAt ?? 'default'}`} type={type} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <PreviewCard key={type.key} type={type.key} />
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
