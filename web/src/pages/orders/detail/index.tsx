import { CarOutlined, CheckOutlined, CloseOutlined, DollarOutlined, SendOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Popconfirm, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { errorMessage, useReportError } from '../../../components/errors';
import { formatBasisPoints, formatDate, formatDateTime, formatFen } from '../../../components/format';
import { OrderStatusTag, orderKeys, ShipmentStateTag } from '../options';
import type { OrderDetail, TimelineEntry } from '../types';
import { useWarehouseNames } from '../warehouses';
import { CancelForm } from './CancelForm';

type Line = OrderDetail['lines'][number];
type Check = OrderDetail['checks'][number];

const cancellable = ['draft', 'submitted', 'awaiting_approval', 'awaiting_finance', 'confirmed'];
const receivable = ['confirmed', 'partially_shipped', 'shipped', 'completed'];
const shippable = ['confirmed', 'partially_shipped'];

/** Cases + loose units, as the warehouse counts them. */
function Quantity({ line }: { line: Pick<Line, 'quantity' | 'unitsPerCase' | 'caseUnit' | 'baseUnit'> }) {
  const cases = Math.floor(line.quantity / line.unitsPerCase);
  const loose = line.quantity % line.unitsPerCase;
  if (line.unitsPerCase === 1 || !line.caseUnit) return <>{`${line.quantity} ${line.baseUnit}`}</>;
  return <>{`${line.quantity} ${line.baseUnit}（${cases} ${line.caseUnit}${loose ? ` + ${loose} ${line.baseUnit}` : ''}）`}</>;
}

function TimelineCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const timeline = useQuery({
    queryKey: [...orderKeys.all, id, 'timeline'],
    queryFn: () => call(api.GET('/api/orders/{id}/timeline', { params: { path: { id } } })),
  });
  const label = (e: TimelineEntry) => {
    const kind = t(`order.timelineKinds.${e.kind}`);
    if (
      e.kind === 'status' &&
      e.code in
        {
          draft: 1,
          submitted: 1,
          awaiting_approval: 1,
          awaiting_finance: 1,
          confirmed: 1,
          partially_shipped: 1,
          shipped: 1,
          completed: 1,
          cancelled: 1,
        }
    )
      return `${kind}：${t(`order.statuses.${e.code as OrderDetail['status']}`)}`;
    if (e.kind === 'check') return `${kind}：${t(`order.checkKinds.${e.code as Check['kind']}`)}`;
    if (e.kind === 'tracking' || e.kind === 'shipment')
      return `${kind}：${t(`shipment.states.${e.code as 'prepared'}`, { defaultValue: e.code })}`;
    if (e.kind === 'approval_action') return `${kind}：${t(`order.approvalActions.${e.code as 'requested'}`, { defaultValue: e.code })}`;
    return `${kind}${e.kind === 'approval' ? `：${t(`order.checkStatuses.${e.code as Check['status']}`, { defaultValue: e.code })}` : ''}`;
  };
  return (
    <Card title={t('order.timeline')} loading={timeline.isLoading}>
      {timeline.data?.length ? (
        <Timeline
          items={timeline.data.map((e) => ({
            color: e.kind === 'check' ? 'orange' : e.kind === 'approval_action' ? 'gray' : e.code === 'cancelled' ? 'red' : 'blue',
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text>{label(e)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                  {typeof e.data.reason === 'string' ? ` · ${e.data.reason}` : ''}
                  {typeof e.data.number === 'string' ? ` · ${e.data.number}` : ''}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      ) : (
        <Empty />
      )}
    </Card>
  );
}

function ShipmentsCard({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const can = useAccess();
  const shipments = useQuery({
    queryKey: [...orderKeys.shipments, { orderId }],
    queryFn: () => call(api.GET('/api/orders/shipments', { params: { query: { orderId, limit: 50 } } })),
    enabled: can(Access.shipmentsRead),
  });
  if (!can(Access.shipmentsRead) || !shipments.data?.items.length) return null;
  return (
    <Card title={t('order.shipments')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={shipments.data.items}
        columns={[
          {
            title: t('shipment.number'),
            dataIndex: 'number',
            render: (_, s) => <Link to={`/orders/shipments/${s.id}`}>{s.number}</Link>,
          },
          { title: t('shipment.kind'), dataIndex: 'kind', render: (_, s) => t(`shipment.kinds.${s.kind}`) },
          { title: t('shipment.state'), dataIndex: 'state', render: (_, s) => <ShipmentStateTag state={s.state} /> },
          { title: t('shipment.carrier'), dataIndex: 'carrier', render: (v) => v ?? '–' },
          { title: t('shipment.dispatchedAt'), dataIndex: 'dispatchedAt', render: (v) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}

/** One order (OSB-1/2/10): header, lines, the checks and their approvals, shipments and the full timeline. */
export default function OrderDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useAccess();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const id = Number(useParams().id);
  const [cancelling, setCancelling] = useState(false);
  const warehouseNames = useWarehouseNames();
  const order = useQuery({
    queryKey: [...orderKeys.all, id],
    queryFn: () => call(api.GET('/api/orders/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  const done = (text: string) => () => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: orderKeys.all });
  };
  const path = { params: { path: { id } } };
  const submit = useMutation({
    mutationFn: () => call(api.POST('/api/orders/{id}/submit', path)),
    onSuccess: done(t('order.submitted')),
    onError: (e) => reportError(e),
  });
  const confirm = useMutation({
    mutationFn: () => call(api.POST('/api/orders/{id}/confirm', path)),
    onSuccess: done(t('order.confirmed')),
    onError: (e) => reportError(e),
  });
  const markPaid = useMutation({
    mutationFn: () => call(api.POST('/api/orders/{id}/mark-paid', path)),
    onSuccess: done(t('order.markedPaid')),
    onError: (e) => reportError(e),
  });

  if (order.error) return <Result status="404" title={errorMessage(order.error, t('error.network'))} />;
  const o = order.data;
  const money = (fen: number) => formatFen(fen, i18n.language);

  const actions: ReactNode[] = [];
  if (o?.status === 'draft' && can(Access.ordersEnter))
    actions.push(
      <Button key="submit" type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={() => submit.mutate()}>
        {t('order.submit')}
      </Button>,
    );
  if (o?.status === 'awaiting_finance' && can(Access.ordersFinance))
    actions.push(
      <Popconfirm key="confirm" title={t('order.confirm')} onConfirm={() => confirm.mutate()}>
        <Button type="primary" icon={<CheckOutlined />} loading={confirm.isPending}>
          {t('order.confirm')}
        </Button>
      </Popconfirm>,
    );
  if (o && receivable.includes(o.status) && !o.paidAt && can(Access.ordersFinance))
    actions.push(
      <Popconfirm key="paid" title={t('order.markPaid')} onConfirm={() => markPaid.mutate()}>
        <Button icon={<DollarOutlined />} loading={markPaid.isPending}>
          {t('order.markPaid')}
        </Button>
      </Popconfirm>,
    );
  if (o && shippable.includes(o.status) && can(Access.shipmentsManage))
    actions.push(
      <Link key="ship" to={`/orders/shipments/new?accountId=${o.accountId}&orderId=${o.id}`}>
        <Button type="primary" icon={<CarOutlined />}>
          {t('order.ship')}
        </Button>
      </Link>,
    );
  if (o && cancellable.includes(o.status) && can(Access.ordersEnter))
    actions.push(
      <Button key="cancel" danger icon={<CloseOutlined />} onClick={() => setCancelling(true)}>
        {t('order.cancel')}
      </Button>,
    );

  return (
    <PageContainer
      loading={order.isLoading}
      title={o ? `${o.number}` : undefined}
      subTitle={o ? `${o.accountCode} ${o.accountName}` : undefined}
      tags={o ? <OrderStatusTag status={o.status} /> : undefined}
      extra={actions}
    >
      {o && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card>
                <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
                  <Descriptions.Item label={t('order.total')}>
                    <Typography.Text strong>{money(o.totalFen)}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('order.listTotal')}>{money(o.listTotalFen)}</Descriptions.Item>
                  <Descriptions.Item label={t('order.discountTotal')}>{money(o.discountTotalFen)}</Descriptions.Item>
                  <Descriptions.Item label={t('order.owner')}>{o.ownerName ?? '–'}</Descriptions.Item>
                  <Descriptions.Item label={t('order.geography')}>{o.geographyName ?? '–'}</Descriptions.Item>
                  <Descriptions.Item label={t('order.channel')}>{t(`order.channels.${o.channel}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('order.warehouse')}>
                    {warehouseNames.get(o.warehouseId) ?? `#${o.warehouseId}`}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('order.enteredBy')}>{o.enteredByName}</Descriptions.Item>
                  <Descriptions.Item label={t('order.createdAt')}>{formatDateTime(o.createdAt as string)}</Descriptions.Item>
                  <Descriptions.Item label={t('order.requestedDeliveryDate')}>{formatDate(o.requestedDeliveryDate)}</Descriptions.Item>
                  <Descriptions.Item label={t('order.paid')}>
                    {o.paidAt ? formatDateTime(o.paidAt as string) : t('order.unpaid')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('order.deliveryAddress')} span={2}>
                    {o.deliveryAddress
                      ? `${o.deliveryAddress.province ?? ''}${o.deliveryAddress.city ?? ''}${o.deliveryAddress.address} ${o.deliveryAddress.receiver ?? ''} ${o.deliveryAddress.receiverPhone ?? ''}`
                      : '–'}
                  </Descriptions.Item>
                  {o.cancelReason && <Descriptions.Item label={t('order.cancelReason')}>{o.cancelReason}</Descriptions.Item>}
                  {o.note && <Descriptions.Item label={t('order.note')}>{o.note}</Descriptions.Item>}
                </Descriptions>
              </Card>
              <Card title={t('order.lines')}>
                <Table<Line>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={o.lines}
                  columns={[
                    { title: t('order.sku'), dataIndex: 'skuCode', render: (_, l) => `${l.skuCode} ${l.skuName}` },
                    { title: t('order.quantity'), dataIndex: 'quantity', align: 'right', render: (_, l) => <Quantity line={l} /> },
                    { title: t('order.shipped'), dataIndex: 'shippedQuantity', align: 'right' },
                    { title: t('order.listPrice'), dataIndex: 'listPriceFen', align: 'right', render: (v: number) => money(v) },
                    {
                      title: t('order.unitPrice'),
                      dataIndex: 'unitPriceFen',
                      align: 'right',
                      render: (v: number, l) => (
                        <Typography.Text type={v < l.floorPriceFen ? 'danger' : undefined}>{money(v)}</Typography.Text>
                      ),
                    },
                    { title: t('order.floorPrice'), dataIndex: 'floorPriceFen', align: 'right', render: (v: number) => money(v) },
                    {
                      title: t('order.discount'),
                      dataIndex: 'discountBp',
                      align: 'right',
                      render: (v: number) => (v ? formatBasisPoints(v) : '–'),
                    },
                    { title: t('order.lineTotal'), dataIndex: 'lineTotalFen', align: 'right', render: (v: number) => money(v) },
                  ]}
                />
              </Card>
              <Card title={t('order.checks')}>
                {o.checks.length === 0 ? (
                  <Typography.Text type="secondary">{o.status === 'draft' ? '–' : t('order.noChecks')}</Typography.Text>
                ) : (
                  <Table<Check>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={o.checks}
                    columns={[
                      { title: '#', dataIndex: 'round', width: 48 },
                      { title: t('order.checks'), dataIndex: 'kind', render: (v: Check['kind']) => t(`order.checkKinds.${v}`) },
                      {
                        title: t('order.status'),
                        dataIndex: 'status',
                        render: (v: Check['status']) => (
                          <Tag color={v === 'approved' ? 'green' : v === 'pending' ? 'orange' : 'default'}>
                            {t(`order.checkStatuses.${v}`)}
                          </Tag>
                        ),
                      },
                      {
                        title: '',
                        dataIndex: 'approvalId',
                        render: (v: number | null) => (v ? <Link to={`/approvals/${v}`}>{t('order.openApproval')}</Link> : null),
                      },
                    ]}
                  />
                )}
              </Card>
              <ShipmentsCard orderId={o.id} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <TimelineCard id={o.id} />
          </Col>
        </Row>
      )}
      {o && <CancelForm order={o} open={cancelling} onOpenChange={setCancelling} />}
    </PageContainer>
  );
}
