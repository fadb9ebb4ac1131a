import { Alert, Button, Card, Col, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChainPreview, type PreviewRequest, useChainPreview } from '../../../components/ChainPreview';
import { errorMessage } from '../../../components/errors';
import { yuanToFen } from '../../../components/format';
import { MoneyInput } from '../../../components/MoneyInput';
import { UserPicker } from '../../../components/pickers';

interface Values {
  requesterId?: number | null;
  amount?: number | null;
}

/** "For this requester and this amount, the chain is …", from the saved definition. */
export function PreviewCard({ type }: { type: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [request, setRequest] = useState<PreviewRequest | null>(null);
  const preview = useChainPreview(request);

  const onFinish = ({ requesterId, amount }: Values) => {
    if (!requesterId) return;
    setRequest({ type, requesterId, amount: amount === null || amount === undefined ? null : yuanToFen(amount) });
  };

  return (
    <Card title={t('approvalDef.preview')} size="small">
      <Typography.Paragraph type="secondary">{t('approvalDef.previewHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="requesterId" label={t('approvalDef.previewRequester')} rules={[{ required: true }]}>
          <UserPicker />
        </Form.Item>
        <Row gutter={8} align="bottom">
          <Col flex="auto">
            <Form.Item name="amount" label={t('approvalDef.previewAmount')}>
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={preview.isFetching}>
                {t('approvalDef.previewButton')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {preview.error && <Alert type="error" showIcon message={errorMessage(preview.error, t('error.network'))} />}
      {request && preview.data && !preview.error && (
        <>
          <Typography.Text strong>{t('approvalDef.chainIs')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <ChainPreview chain={preview.data} />
          </div>
        </>
      )}
    </Card>
  );
}
