import { SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  InputNumber,
  Popconfirm,
  Result,
  Row,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { errorMessage, useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { inventoryKeys } from '../keys';
import { Delta, StocktakeStatusTag } from '../options';
import type { Stocktake, StocktakeLine } from '../types';
import { ApprovalCard } from './ApprovalCard';

const countable = (s: Stocktake) => s.status === 'counting' || s.status === 'returned';

function Summary({ stocktake: s }: { stocktake: Stocktake }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
      <Descriptions.Item label={t('inventory.warehouse')}>{`${s.warehouseName} (${s.warehouseCode})`}</Descriptions.Item>
      <Descriptions.Item label={t('stocktake.statusLabel')}>
        <StocktakeStatusTag status={s.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('stocktake.progress')}>
        {t('stocktake.progressText', { counted: s.countedCount, total: s.lineCount })}
      </Descriptions.Item>
      <Descriptions.Item label={t('stocktake.openedBy')}>{s.openedByName}</Descriptions.Item>
      <Descriptions.Item label={t('stocktake.createdAt')}>{formatDateTime(s.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('stocktake.submittedAt')}>{formatDateTime(s.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('stocktake.varianceCount')}>{s.varianceCount}</Descriptions.Item>
      <Descriptions.Item label={t('stocktake.varianceTotal')}>
        <Delta value={s.varianceTotal} />
      </Descriptions.Item>
      <Descriptions.Item label={t('stocktake.postedAt')}>{formatDateTime(s.postedAt)}</Descriptions.Item>
      {s.note && <Descriptions.Item label={t('stocktake.note')}>{s.note}</Descriptions.Item>}
    </Descriptions>
  );
}

/** OSB-4 one count sheet: enter counted quantities, see the variances, submit them for approval. */
export default function StocktakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useAccess();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const id = Number(useParams().id);
  const [drafts, setDrafts] = useState<Map<number, number | null>>(new Map());
  const [onlyVariances, setOnlyVariances] = useState(false);
  const [busy, setBusy] = useState(false);

  const query = useQuery({
    queryKey: inventoryKeys.stocktake(id),
    queryFn: () => call(api.GET('/api/inventory/stocktakes/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    // The adjustment is posted by the outbox a moment after the approval ends.
    refetchInterval: (q) => (q.state.data?.status === 'submitted' ? 3000 : false),
  });
  const stocktake = query.data;
  const editable = stocktake !== undefined && countable(stocktake) && can(Access.inventoryStocktake);

  const countOf = (line: StocktakeLine) => (drafts.has(line.skuId) ? (drafts.get(line.skuId) ?? null) : line.counted);
  const lines = useMemo(() => {
    const all = stocktake?.lines ?? [];
    if (!onlyVariances) return all;
    return all.filter((l) => {
      const counted = drafts.has(l.skuId) ? drafts.get(l.skuId) : l.counted;
      return counted !== null && counted !== undefined && counted !== l.expected;
    });
  }, [stocktake, onlyVariances, drafts]);

  const changed = (stocktake?.lines ?? []).flatMap((l) => {
    const value = drafts.get(l.skuId);
    return drafts.has(l.skuId) && value !== null && value !== undefined && value !== l.counted ? [{ skuId: l.skuId, counted: value }] : [];
  });

  const refresh = (next: Stocktake) => {
    queryClient.setQueryData(inventoryKeys.stocktake(id), next);
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.stocktakes });
  };

  const save = async (): Promise<boolean> => {
    if (changed.length === 0) return true;
    const next = await call(api.PUT('/api/inventory/stocktakes/{id}/counts', { params: { path: { id } }, body: { counts: changed } }));
    refresh(next);
    setDrafts(new Map());
    void message.success(t('stocktake.countsSaved', { n: changed.length }));
    return true;
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  if (query.isError) return <Result status="404" title={errorMessage(query.error, t('error.pageNotFound'))} />;
  if (!stocktake) return <PageContainer loading />;

  const columns: TableColumnsType<StocktakeLine> = [
    { title: t('inventory.skuCode'), dataIndex: 'skuCode', width: 140 },
    { title: t('inventory.product'), dataIndex: 'productName', ellipsis: true },
    { title: t('inventory.spec'), dataIndex: 'skuName' },
    { title: t('inventory.unit'), dataIndex: 'baseUnit', width: 70 },
    { title: t('stocktake.expected'), dataIndex: 'expected', align: 'right', width: 100 },
    {
      title: t('stocktake.counted'),
      key: 'counted',
      align: 'right',
      width: 140,
      render: (_, l) =>
        editable ? (
          <InputNumber<number>
            min={0}
            precision={0}
            value={countOf(l)}
            status={drafts.has(l.skuId) && drafts.get(l.skuId) !== l.counted ? 'warning' : undefined}
            onChange={(value) => setDrafts((d) => new Map(d).set(l.skuId, value))}
            style={{ width: 110 }}
          />
        ) : (
          (l.counted ?? '–')
        ),
    },
    {
      title: t('stocktake.variance'),
      key: 'variance',
      align: 'right',
      width: 90,
      render: (_, l) => {
        const counted = countOf(l);
        return <Delta value={counted === null ? null : counted - l.expected} />;
      },
    },
    {
      title: t('stocktake.postedDelta'),
      dataIndex: 'postedDelta',
      align: 'right',
      width: 90,
      render: (v: number | null) => <Delta value={v} />,
    },
  ];

  const clamped = stocktake.lines.some((l) => l.postedDelta !== null && l.variance !== null && l.postedDelta !== l.variance);

  return (
    <PageContainer
      title={t('stocktake.title', { id: stocktake.id, warehouse: stocktake.warehouseName })}
      extra={
        editable
          ? [
              <Button
                key="fill"
                onClick={() =>
                  setDrafts((d) => {
                    const next = new Map(d);
                    for (const l of stocktake.lines) if (countOf(l) === null) next.set(l.skuId, l.expected);
                    return next;
                  })
                }
              >
                {t('stocktake.fillExpected')}
              </Button>,
              <Button
                key="save"
                icon={<SaveOutlined />}
                loading={busy}
                disabled={changed.length === 0}
                onClick={() => void run(async () => void (await save()))}
              >
                {t('stocktake.saveCounts')}
              </Button>,
              <Popconfirm
                key="submit"
                title={t('stocktake.submitConfirm')}
                onConfirm={() =>
                  run(async () => {
                    await save();
                    refresh(await call(api.POST('/api/inventory/stocktakes/{id}/submit', { params: { path: { id } } })));
                    void message.success(t('stocktake.submitted'));
                  })
                }
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy}>
                  {t('stocktake.submit')}
                </Button>
              </Popconfirm>,
              <Popconfirm
                key="cancel"
                title={t('stocktake.cancelConfirm')}
                onConfirm={() =>
                  run(async () => {
                    refresh(await call(api.POST('/api/inventory/stocktakes/{id}/cancel', { params: { path: { id } } })));
                    void message.success(t('stocktake.cancelled'));
                  })
                }
              >
                <Button danger icon={<StopOutlined />}>
                  {t('stocktake.cancel')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={stocktake.approvalId ? 16 : 24}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Summary stocktake={stocktake} />
              {stocktake.status === 'posted' && <Alert type="success" showIcon message={t('stocktake.postedNote')} />}
              {clamped && <Alert type="warning" showIcon message={t('stocktake.clampedNote')} style={{ marginTop: 8 }} />}
            </Card>
            <Card
              extra={
                <Space>
                  <Typography.Text>{t('stocktake.onlyVariances')}</Typography.Text>
                  <Switch checked={onlyVariances} onChange={setOnlyVariances} />
                </Space>
              }
            >
              <Table<StocktakeLine>
                rowKey="skuId"
                size="small"
                columns={columns}
                dataSource={lines}
                pagination={{ defaultPageSize: 50, showSizeChanger: true }}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          </Space>
        </Col>
        {stocktake.approvalId && (
          <Col xs={24} xxl={8}>
            <ApprovalCard approvalId={stocktake.approvalId} />
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
