import { CarOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, call } from '../../../api/client';
import { AccountPicker } from '../../../components/AccountPicker';
import { useReportError } from '../../../components/errors';
import { orderKeys } from '../options';
import type { OrderDetail } from '../types';
import { useWarehouseNames } from '../warehouses';

type OrderLine = OrderDetail['lines'][number];
interface OpenLine extends OrderLine {
  orderId: number;
  orderNumber: string;
  remaining: number;
}
interface Header {
  accountId?: number;
  warehouseId?: number;
  kind: 'delivery' | 'pickup';
  carrier?: string;
  vehicle?: string;
  driverPhone?: string;
  note?: string;
}
interface Pick {
  quantity: number | null;
  codes: string;
}

const splitCodes = (text: string) =>
  text
    .split(/[\s,，;；]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * OSB-3: a shipment from one warehouse for the confirmed orders of one
 * account; every open line can ship whole or in part, with its batch or unit
 * codes when the SKU tracks them. `?accountId=` preselects the account;
 * `&orderId=` (the order page's Ship button) its warehouse and its lines only.
 */
export default function ShipmentCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [params] = useSearchParams();
  const initialAccount = Number(params.get('accountId'));
  const [form] = Form.useForm<Header>();
  const accountId = Form.useWatch('accountId', form);
  const warehouseId = Form.useWatch('warehouseId', form);
  // The order the page was opened for, while its account is still the one chosen.
  const preselectedOrder = accountId === initialAccount ? Number(params.get('orderId')) || null : null;
  const warehouseNames = useWarehouseNames();
  const [picks, setPicks] = useState<Map<number, Pick>>(new Map());
  const [saving, setSaving] = useState(false);

  // The account's confirmed orders with their lines (a handful at a time), in one query so the result is stable.
  const open = useQuery({
    queryKey: [...orderKeys.all, 'shippable', accountId],
    queryFn: async () => {
      const page = await call(
        api.GET('/api/orders', {
          params: { query: { accountId: accountId as number, status: ['confirmed', 'partially_shipped'], limit: 50 } },
        }),
      );
      return Promise.all(page.items.map((o) => call(api.GET('/api/orders/{id}', { params: { path: { id: o.id } } }))));
    },
    enabled: accountId !== undefined,
  });
  const orders = open.data;
  // Opened with ?accountId= the picker has no search result to name the account by; its orders do.
  const accountLabel = orders?.[0] ? `${orders[0].accountName} (${orders[0].accountCode})` : undefined;
  const warehouseIds = useMemo(() => [...new Set((orders ?? []).map((o) => o.warehouseId))], [orders]);

  // The preselected order's warehouse, else the account's first one; the picks start at what is left to ship.
  const preferredWarehouse = orders?.find((o) => o.id === preselectedOrder)?.warehouseId ?? warehouseIds[0];
  useEffect(() => {
    if (preferredWarehouse !== undefined && (warehouseId === undefined || !warehouseIds.includes(warehouseId)))
      form.setFieldValue('warehouseId', preferredWarehouse);
  }, [warehouseIds, warehouseId, preferredWarehouse, form]);
  const lines: OpenLine[] = useMemo(
    () =>
      (orders ?? [])
        .filter((o) => o.warehouseId === warehouseId)
        .flatMap((o) =>
          o.lines
            .map((l) => ({ ...l, orderId: o.id, orderNumber: o.number, remaining: l.quantity - l.shippedQuantity }))
            .filter((l) => l.remaining > 0),
        ),
    [orders, warehouseId],
  );
  useEffect(() => {
    const picked = (l: OpenLine) => preselectedOrder === null || l.orderId === preselectedOrder;
    setPicks(new Map(lines.map((l) => [l.id, { quantity: picked(l) ? l.remaining : null, codes: '' }])));
  }, [lines, preselectedOrder]);

  const setPick = (id: number, patch: Partial<Pick>) =>
    setPicks((current) => new Map(current).set(id, { ...(current.get(id) ?? { quantity: null, codes: '' }), ...patch }));

  const save = async () => {
    let header: Header;
    try {
      header = await form.validateFields();
    } catch {
      return;
    }
    const chosen = lines.flatMap((l) => {
      const pick = picks.get(l.id);
      return pick?.quantity ? [{ line: l, quantity: pick.quantity, codes: splitCodes(pick.codes) }] : [];
    });
    if (chosen.length === 0) {
      void message.warning(t('shipmentForm.nothingToShip'));
      return;
    }
    setSaving(true);
    try {
      const shipment = await call(
        api.POST('/api/orders/shipments', {
          body: {
            warehouseId: header.warehouseId as number,
            kind: header.kind,
            carrier: header.carrier?.trim() || null,
            vehicle: header.vehicle?.trim() || null,
            driverPhone: header.driverPhone?.trim() || null,
            note: header.note?.trim() || null,
            lines: chosen.map((c) => ({
              orderLineId: c.line.id,
              quantity: c.quantity,
              codes: c.line.tracksCodes ? c.codes : undefined,
            })),
          },
        }),
      );
      void message.success(t('shipmentForm.created'));
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void navigate(`/orders/shipments/${shipment.id}`);
    } catch (error) {
      reportError(error, error instanceof ApiError && error.fields.every((f) => !f.field.startsWith('lines')) ? form : undefined);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer
      title={t('shipmentForm.create')}
      footer={[
        <Button key="save" type="primary" icon={<CarOutlined />} loading={saving} onClick={() => void save()}>
          {t('shipmentForm.create')}
        </Button>,
      ]}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Header>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'delivery', accountId: initialAccount > 0 ? initialAccount : undefined }}
          onValuesChange={(changed) => {
            if ('accountId' in changed) form.setFieldValue('warehouseId', undefined);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="accountId" label={t('shipmentForm.account')} rules={[{ required: true }]}>
                <AccountPicker label={accountLabel} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="warehouseId" label={t('shipmentForm.warehouse')} rules={[{ required: true }]}>
                <Select options={warehouseIds.map((id) => ({ value: id, label: warehouseNames.get(id) ?? `#${id}` }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="kind" label={t('shipmentForm.kind')} rules={[{ required: true }]}>
                <Select options={(['delivery', 'pickup'] as const).map((k) => ({ value: k, label: t(`shipment.kinds.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={8} lg={3}>
              <Form.Item name="carrier" label={t('shipmentForm.carrier')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={8} lg={2}>
              <Form.Item name="vehicle" label={t('shipmentForm.vehicle')} rules={[{ max: 50 }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={8} lg={3}>
              <Form.Item name="driverPhone" label={t('shipmentForm.driverPhone')} rules={[{ max: 30 }]}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label={t('shipmentForm.note')} rules={[{ max: 500 }]} style={{ marginBottom: 0 }}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small" title={t('shipmentForm.lines')}>
        {accountId !== undefined && !open.isFetching && lines.length === 0 ? (
          <Empty description={t('shipmentForm.noOpenLines')} />
        ) : (
          <Table<OpenLine>
            rowKey="id"
            size="small"
            pagination={false}
            loading={open.isFetching}
            dataSource={lines}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('shipmentForm.order'),
                dataIndex: 'orderNumber',
                render: (_, l) => <Link to={`/orders/${l.orderId}`}>{l.orderNumber}</Link>,
              },
              { title: t('shipmentForm.sku'), dataIndex: 'skuCode', render: (_, l) => `${l.skuCode} ${l.skuName}` },
              { title: t('shipmentForm.ordered'), dataIndex: 'quantity', align: 'right', render: (_, l) => `${l.quantity} ${l.baseUnit}` },
              { title: t('shipmentForm.shipped'), dataIndex: 'shippedQuantity', align: 'right' },
              { title: t('shipmentForm.remaining'), dataIndex: 'remaining', align: 'right' },
              {
                title: t('shipmentForm.shipNow'),
                key: 'ship',
                width: 140,
                render: (_, l, index) => (
                  <div data-testid={`ship-${index}`}>
                    <InputNumber<number>
                      min={0}
                      max={l.remaining}
                      precision={0}
                      value={picks.get(l.id)?.quantity ?? null}
                      onChange={(quantity) => setPick(l.id, { quantity })}
                      addonAfter={l.baseUnit}
                    />
                  </div>
                ),
              },
              {
                title: t('shipmentForm.codes'),
                key: 'codes',
                width: 260,
                render: (_, l) =>
                  l.tracksCodes ? (
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      placeholder={t('shipmentForm.codesPlaceholder')}
                      value={picks.get(l.id)?.codes ?? ''}
                      onChange={(e) => setPick(l.id, { codes: e.target.value })}
                    />
                  ) : (
                    <Typography.Text type="secondary">–</Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
