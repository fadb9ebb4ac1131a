import { CloseCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProDescriptions, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Result, Row, Space, Steps, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import type { ResponseOf } from '../../../api/types';
import { errorMessage } from '../../../components/errors';
import { formatDateTime, formatFen } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';
import { orderKeys, ShipmentStateTag } from '../options';
import { CancelShipmentForm } from './CancelShipmentForm';

type Shipment = ResponseOf<'/api/orders/shipments/{id}'>;
type State = Exclude<Shipment['state'], 'cancelled'>;
const states: State[] = ['prepared', 'picked', 'dispatched', 'delivered', 'signed'];

/** OSB-10: moves the shipment to a later tracking state; signing asks who signed. */
function TrackForm({ shipment, state, onClose }: { shipment: Shipment; state: State; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string; signedBy?: string }>();
  const onFinish = useSubmit(
    form,
    (v: { note?: string; signedBy?: string }) =>
      call(
        api.POST('/api/orders/shipments/{id}/track', {
          params: { path: { id: shipment.id } },
          body: { state, note: v.note?.trim() || null, signedBy: state === 'signed' ? v.signedBy?.trim() || null : undefined },
        }),
      ),
    { success: t('shipmentForm.advanced'), invalidate: [orderKeys.all] },
  );
  return (
    <ModalForm<{ note?: string; signedBy?: string }>
      title={`${shipment.number} · ${t('shipmentForm.advance', { state: t(`shipment.states.${state}`) })}`}
      form={form}
      open
      width={480}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v) => {
        const ok = await onFinish(v);
        if (ok) onClose();
        return ok;
      }}
    >
      {state === 'signed' && (
        <ProFormText name="signedBy" label={t('shipmentForm.signedBy')} rules={[{ required: true, whitespace: true }, { max: 50 }]} />
      )}
      <ProFormTextArea name="note" label={t('shipmentForm.trackNote')} rules={[{ max: 500 }]} />
    </ModalForm>
  );
}

/** One shipment (OSB-3/10): facts, lines with codes, tracking history and the next tracking steps. */
export default function ShipmentDetailPage() {
  const { t, i18n } = useTranslation();
  const can = useAccess();
  const id = Number(useParams().id);
  const [advancing, setAdvancing] = useState<State | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const shipment = useQuery({
    queryKey: [...orderKeys.shipments, id],
    queryFn: () => call(api.GET('/api/orders/shipments/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (shipment.error) return <Result status="404" title={errorMessage(shipment.error, t('error.network'))} />;
  const s = shipment.data;
  const cancelled = s?.state === 'cancelled';
  const at = s && s.state !== 'cancelled' ? states.indexOf(s.state) : -1;
  const next = s && !cancelled ? states.slice(at + 1) : [];
  const cancelEvent = cancelled ? s?.events.findLast((e) => e.state === 'cancelled') : undefined;
  const stamps: Record<State, string | null> = s
    ? { prepared: s.createdAt, picked: s.pickedAt, dispatched: s.dispatchedAt, delivered: s.deliveredAt, signed: s.signedAt }
    : { prepared: null, picked: null, dispatched: null, delivered: null, signed: null };

  return (
    <PageContainer
      loading={shipment.isLoading}
      title={s?.number}
      subTitle={s ? `${s.accountCode} ${s.accountName}` : undefined}
      tags={s ? <ShipmentStateTag state={s.state} /> : undefined}
      // The header holds the forward moves; calling the shipment off sits apart, at the foot.
      footer={
        s?.state === 'prepared' && can(Access.shipmentsManage)
          ? [
              <Button key="cancel" danger icon={<CloseCircleOutlined />} onClick={() => setCancelling(true)}>
                {t('shipmentForm.cancel')}
              </Button>,
            ]
          : undefined
      }
      extra={
        s && [
          <Link key="print" to={`/orders/shipments/${s.id}/note`}>
            <Button icon={<PrinterOutlined />}>{t('shipmentForm.deliveryNote')}</Button>
          </Link>,
          ...(can(Access.shipmentsManage)
            ? next.map((state, i) => (
                <Button key={state} type={i === 0 ? 'primary' : 'default'} onClick={() => setAdvancing(state)}>
                  {t('shipmentForm.advance', { state: t(`shipment.states.${state}`) })}
                </Button>
              ))
            : []),
        ]
      }
    >
      {s && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {cancelEvent && (
            <Alert
              type="error"
              showIcon
              message={t('shipmentForm.cancelledBanner')}
              description={`${formatDateTime(cancelEvent.at)}${cancelEvent.note ? ` · ${t('shipmentForm.cancelReason')}：${cancelEvent.note}` : ''}`}
            />
          )}
          <Card size="small">
            <Steps
              status={cancelled ? 'error' : undefined}
              size="small"
              current={cancelled ? 0 : at}
              items={states.map((state) => ({
                title: t(`shipment.states.${state}`),
                description: stamps[state] ? formatDateTime(stamps[state]) : undefined,
              }))}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small">
                  <ProDescriptions column={{ xs: 1, sm: 2, lg: 3 }} dataSource={s}>
                    <ProDescriptions.Item label={t('shipment.warehouse')} dataIndex="warehouseName" />
                    <ProDescriptions.Item label={t('shipment.kind')}>{t(`shipment.kinds.${s.kind}`)}</ProDescriptions.Item>
                    <ProDescriptions.Item label={t('shipment.carrier')}>{s.carrier ?? '–'}</ProDescriptions.Item>
                    <ProDescriptions.Item label={t('shipment.vehicle')}>{s.vehicle ?? '–'}</ProDescriptions.Item>
                    <ProDescriptions.Item label={t('shipment.driverPhone')}>{s.driverPhone ?? '–'}</ProDescriptions.Item>
                    <ProDescriptions.Item label={t('shipment.run')}>
                      {s.deliveryRunId ? `#${s.deliveryRunId} · ${t('shipment.stop', { n: s.stopSeq })}` : '–'}
                    </ProDescriptions.Item>
                    <ProDescriptions.Item label={t('shipmentForm.signedBy')}>{s.signedBy ?? '–'}</ProDescriptions.Item>
                    <ProDescriptions.Item label={t('shipment.createdAt')}>{formatDateTime(s.createdAt)}</ProDescriptions.Item>
                    {s.note && <ProDescriptions.Item label={t('shipmentForm.note')}>{s.note}</ProDescriptions.Item>}
                  </ProDescriptions>
                </Card>
                <Card size="small" title={t('shipmentForm.lines')}>
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={s.lines}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      {
                        title: t('shipmentForm.order'),
                        dataIndex: 'orderNumber',
                        render: (_, l) => <Link to={`/orders/${l.orderId}`}>{l.orderNumber}</Link>,
                      },
                      { title: t('shipmentForm.sku'), dataIndex: 'skuCode', render: (_, l) => `${l.skuCode} ${l.skuName}` },
                      {
                        title: t('shipment.quantity'),
                        dataIndex: 'quantity',
                        align: 'right',
                        render: (_, l) => `${l.quantity} ${l.baseUnit}`,
                      },
                      {
                        title: t('shipment.unitPrice'),
                        dataIndex: 'unitPriceFen',
                        align: 'right',
                        render: (v: number) => formatFen(v, i18n.language),
                      },
                      { title: t('shipment.codes'), dataIndex: 'codes', render: (v: string[]) => v.join(', ') || '–' },
                    ]}
                  />
                </Card>
              </Space>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('shipmentForm.events')}>
                <Timeline
                  items={s.events.map((e) => ({
                    color: e.state === 'signed' ? 'green' : e.state === 'cancelled' ? 'red' : 'blue',
                    children: (
                      <Space direction="vertical" size={0}>
                        <Typography.Text>{t(`shipment.states.${e.state}`)}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(e.at)}
                          {e.note ? ` · ${e.note}` : ''}
                        </Typography.Text>
                      </Space>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
      {s && advancing && <TrackForm shipment={s} state={advancing} onClose={() => setAdvancing(null)} />}
      {s && cancelling && <CancelShipmentForm shipment={s} onClose={() => setCancelling(false)} />}
    </PageContainer>
  );
}
