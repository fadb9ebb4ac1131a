import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, call } from '../../../api/client';
import { AccountPicker } from '../../../components/AccountPicker';
import { useReportError } from '../../../components/errors';
import { formatFen } from '../../../components/format';
import { orderKeys } from '../options';
import type { OrderDetail } from '../types';
import { useWarehouseOptions } from '../warehouses';
import { CreditPanel } from './CreditPanel';
import { LinesGrid } from './LinesGrid';
import { type EntryLine, emptyLine, lineTotal, type SkuFacts, toOrderLines } from './lines';

const channels = ['phone', 'walk_in', 'field', 'portal', 'import'] as const;

interface Header {
  accountId?: number;
  warehouseId?: number;
  channel: (typeof channels)[number];
  requestedDeliveryDate?: Dayjs | null;
  deliveryAddressId?: number | null;
  note?: string;
}

/** A fresh key per form instance: a retried save of the same form never makes a second order. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The grid rows the server blamed (`lines[2].skuId`), mapped back from the sent lines to the typed rows. */
function blamedRows(error: unknown, lines: EntryLine[]): Set<number> {
  if (!(error instanceof ApiError)) return new Set();
  const typed = lines.flatMap((line, row) => (line.sku ? [row] : []));
  return new Set(
    error.fields.flatMap((f) => {
      const match = /^lines\[(\d+)\]/.exec(f.field);
      const row = match ? typed[Number(match[1])] : undefined;
      return row === undefined ? [] : [row];
    }),
  );
}

/**
 * OSB-1 fast order entry for the sales secretaries' desk: account, channel,
 * date, address and the warehouse it ships from (the account's default until
 * another is picked); a keyboard grid of lines with price, stock in that
 * warehouse and line total as soon as a SKU is picked; the account's credit
 * against the running total.
 */
export default function OrderEntryPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [form] = Form.useForm<Header>();
  const accountId = Form.useWatch('accountId', form);
  const warehouseId = Form.useWatch('warehouseId', form);
  const warehouses = useWarehouseOptions();
  const [lines, setLines] = useState<EntryLine[]>([emptyLine(1)]);
  const [badLines, setBadLines] = useState<Set<number>>(new Set());
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);

  const skuIds = useMemo(() => [...new Set(lines.flatMap((l) => (l.sku ? [l.sku.id] : [])))].sort((a, b) => a - b), [lines]);
  const facts = useQuery({
    queryKey: [...orderKeys.all, 'entry-facts', accountId, warehouseId, skuIds],
    queryFn: () =>
      call(
        api.GET('/api/orders/entry-facts', {
          params: {
            query: { accountId: accountId as number, warehouseId, skuIds: skuIds.length ? skuIds.join(',') : undefined },
          },
        }),
      ),
    enabled: accountId !== undefined,
    placeholderData: (previous) => (previous?.accountId === accountId ? previous : undefined),
  });
  const addresses = useQuery({
    queryKey: ['customers', 'accounts', accountId, 'addresses'],
    queryFn: () => call(api.GET('/api/customers/accounts/{id}/addresses', { params: { path: { id: accountId as number } } })),
    enabled: accountId !== undefined,
    retry: false,
  });
  // The account's default address is the usual choice; the desk may pick another.
  useEffect(() => {
    const preferred = addresses.data?.items.find((a) => a.isDefault) ?? addresses.data?.items[0];
    if (preferred && form.getFieldValue('deliveryAddressId') == null) form.setFieldValue('deliveryAddressId', preferred.id);
  }, [addresses.data, form]);
  // Until the desk picks one, the order ships from the warehouse serving the account's territory.
  const defaultWarehouseId = facts.data?.accountId === accountId ? facts.data?.defaultWarehouseId : undefined;
  useEffect(() => {
    if (defaultWarehouseId != null && form.getFieldValue('warehouseId') == null) form.setFieldValue('warehouseId', defaultWarehouseId);
  }, [defaultWarehouseId, form]);
  const warehouseOptions = useMemo(() => {
    const label = (id: number, text: string) => (id === defaultWarehouseId ? `[${t('orderEntry.defaultWarehouse')}] ${text}` : text);
    const known = warehouses.map((w) => ({ value: w.id, label: label(w.id, `${w.code} ${w.name}`) }));
    // Without the warehouse list (no permission for it) the default still shows, by number.
    if (defaultWarehouseId != null && !warehouses.some((w) => w.id === defaultWarehouseId))
      known.push({ value: defaultWarehouseId, label: label(defaultWarehouseId, `#${defaultWarehouseId}`) });
    return known;
  }, [warehouses, defaultWarehouseId, t]);
  const skuFacts = useMemo(() => new Map<number, SkuFacts>((facts.data?.skus ?? []).map((s) => [s.skuId, s])), [facts.data]);
  const totalFen = lines.reduce((sum, l) => sum + lineTotal(l, l.sku ? skuFacts.get(l.sku.id) : undefined), 0);

  const save = async (submit: boolean) => {
    let header: Header;
    try {
      header = await form.validateFields();
    } catch {
      return;
    }
    const body = toOrderLines(lines, skuFacts);
    if (body.length === 0) {
      void message.warning(t('orderEntry.noLines'));
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    setBadLines(new Set());
    try {
      const order: OrderDetail = await call(
        api.POST('/api/orders', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: {
            accountId: header.accountId as number,
            warehouseId: header.warehouseId,
            channel: header.channel,
            requestedDeliveryDate: header.requestedDeliveryDate ? header.requestedDeliveryDate.format('YYYY-MM-DD') : null,
            deliveryAddressId: header.deliveryAddressId ?? null,
            note: header.note?.trim() || null,
            lines: body,
            submit,
          },
        }),
      );
      void message.success(submit ? t('orderEntry.submitted') : t('orderEntry.savedDraft'));
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void navigate(`/orders/${order.id}`);
    } catch (error) {
      setBadLines(blamedRows(error, lines));
      reportError(error, form);
    } finally {
      setSaving(null);
    }
  };

  return (
    <PageContainer
      title={t('orderEntry.title')}
      subTitle={t('orderEntry.keyboardHint')}
      footer={[
        <Typography.Text key="total" strong style={{ marginRight: 16 }}>
          {`${t('orderEntry.total')}：${formatFen(totalFen, i18n.language)}`}
        </Typography.Text>,
        <Button
          key="draft"
          icon={<SaveOutlined />}
          loading={saving === 'draft'}
          disabled={saving !== null}
          onClick={() => void save(false)}
        >
          {t('orderEntry.saveDraft')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          icon={<SendOutlined />}
          loading={saving === 'submit'}
          disabled={saving !== null}
          onClick={() => void save(true)}
        >
          {t('orderEntry.submit')}
        </Button>,
      ]}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card title={t('orderEntry.header')} size="small">
            <Form<Header>
              form={form}
              layout="vertical"
              initialValues={{ channel: 'phone' }}
              onValuesChange={(changed) => {
                if ('accountId' in changed) form.setFieldsValue({ deliveryAddressId: null, warehouseId: undefined });
              }}
            >
              <Row gutter={16}>
                <Col xs={24} md={12} lg={8}>
                  <Form.Item name="accountId" label={t('orderEntry.account')} rules={[{ required: true }]}>
                    <AccountPicker />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6} lg={4}>
                  <Form.Item name="channel" label={t('orderEntry.channel')} rules={[{ required: true }]}>
                    <Select options={channels.map((c) => ({ value: c, label: t(`order.channels.${c}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6} lg={4}>
                  <Form.Item name="requestedDeliveryDate" label={t('orderEntry.requestedDeliveryDate')}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={8}>
                  <Form.Item name="deliveryAddressId" label={t('orderEntry.deliveryAddress')}>
                    <Select
                      allowClear
                      disabled={accountId === undefined}
                      loading={addresses.isFetching}
                      placeholder={accountId === undefined ? t('orderEntry.pickAccount') : undefined}
                      options={(addresses.data?.items ?? []).map((a) => ({
                        value: a.id,
                        label: `${a.isDefault ? `[${t('orderEntry.defaultAddress')}] ` : ''}${a.province ?? ''}${a.city ?? ''}${a.address}${a.receiver ? ` · ${a.receiver}` : ''}`,
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={8}>
                  <Form.Item name="warehouseId" label={t('orderEntry.warehouse')} style={{ marginBottom: 0 }}>
                    <Select
                      data-testid="order-warehouse"
                      disabled={accountId === undefined}
                      placeholder={accountId === undefined ? t('orderEntry.pickAccount') : undefined}
                      showSearch
                      optionFilterProp="label"
                      options={warehouseOptions}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={16}>
                  <Form.Item name="note" label={t('orderEntry.note')} rules={[{ max: 500 }]} style={{ marginBottom: 0 }}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <CreditPanel facts={facts.data} totalFen={totalFen} loading={facts.isFetching} />
        </Col>
        <Col xs={24}>
          <Card
            title={t('orderEntry.lines')}
            size="small"
            extra={<Statistic value={formatFen(totalFen, i18n.language)} valueStyle={{ fontSize: 20 }} data-testid="order-total" />}
          >
            <LinesGrid
              lines={lines}
              onChange={(update) => {
                setLines(update);
                setBadLines(new Set());
              }}
              facts={skuFacts}
              badLines={badLines}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
