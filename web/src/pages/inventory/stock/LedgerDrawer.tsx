import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Drawer, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { formatDateTime } from '../../../components/format';
import { inventoryKeys } from '../keys';
import { Delta } from '../options';
import type { Movement, StockRow } from '../types';

/** OSB-4 ledger of one SKU in one warehouse, newest first, paged by cursor. */
export function LedgerDrawer({ row, onClose }: { row: StockRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ledger = useInfiniteQuery({
    queryKey: row ? inventoryKeys.ledger(row.warehouseId, row.skuId) : ['inventory', 'ledger', 'none'],
    enabled: row !== null,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/inventory/ledger', {
          params: { query: { warehouseId: row?.warehouseId ?? 0, skuId: row?.skuId ?? 0, before: pageParam, limit: 50 } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = ledger.data?.pages.flatMap((p) => p.items) ?? [];

  const reference = (m: Movement) => {
    const parts = [
      m.orderId ? t('inventory.orderRef', { id: m.orderId }) : null,
      m.shipmentId ? t('inventory.shipmentRef', { id: m.shipmentId }) : null,
      m.stocktakeId ? t('inventory.stocktakeRef', { id: m.stocktakeId }) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : '–';
  };

  const columns: TableColumnsType<Movement> = [
    { title: t('inventory.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), width: 150 },
    { title: t('inventory.kind'), dataIndex: 'kind', render: (k: Movement['kind']) => t(`inventory.movementKind.${k}`), width: 110 },
    { title: t('inventory.onHandDelta'), dataIndex: 'onHandDelta', align: 'right', render: (v: number) => <Delta value={v} /> },
    { title: t('inventory.reservedDelta'), dataIndex: 'reservedDelta', align: 'right', render: (v: number) => <Delta value={v} /> },
    { title: t('inventory.reference'), key: 'reference', render: (_, m) => reference(m) },
    { title: t('inventory.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '–' },
    { title: t('inventory.user'), dataIndex: 'userName', render: (v: string | null) => v ?? '–' },
  ];

  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      width={900}
      title={
        row ? t('inventory.ledgerTitle', { warehouse: row.warehouseName, sku: `${row.skuCode} ${row.productName} ${row.skuName}` }) : ''
      }
    >
      <Table<Movement> rowKey="id" size="small" columns={columns} dataSource={items} loading={ledger.isFetching} pagination={false} />
      {ledger.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>
            {t('inventory.loadMore')}
          </Button>
        </div>
      )}
    </Drawer>
  );
}
