import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { formatDate, formatDateTime, formatFen } from '../../../components/format';

const cell = { border: '1px solid #999', padding: '4px 8px' } as const;

/** 发货清单 (OSB-3): one printable page per shipment; the print button hides itself on paper. */
export default function DeliveryNotePage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const note = useQuery({
    queryKey: ['orders', 'shipments', id, 'note'],
    queryFn: () => call(api.GET('/api/orders/shipments/{id}/delivery-note', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (note.error) return <Result status="404" title={errorMessage(note.error, t('error.network'))} />;
  const n = note.data;
  if (!n) return <Spin />;
  const address = n.deliveryAddress;
  return (
    <div style={{ background: '#fff', padding: 32, maxWidth: 960, margin: '0 auto', color: '#000' }}>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <div className="no-print" style={{ textAlign: 'right', marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('shipment.print')}
        </Button>
      </div>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('shipment.deliveryNote')}
      </Typography.Title>
      <table style={{ width: '100%', marginBottom: 12 }}>
        <tbody>
          <tr>
            <td>
              {t('shipment.number')}：{n.shipment.number}
            </td>
            <td>
              {t('shipment.warehouse')}：{n.shipment.warehouseName}
            </td>
            <td>
              {t('shipment.kind')}：{t(`shipment.kinds.${n.shipment.kind}`)}
            </td>
          </tr>
          <tr>
            <td>
              {t('shipment.account')}：{n.account.code} {n.account.name}
            </td>
            <td>
              {t('shipment.orders')}：{n.orders.map((o) => o.number).join('、')}
            </td>
            <td>
              {t('order.requestedDeliveryDate')}：{formatDate(n.orders[0]?.requestedDeliveryDate ?? null)}
            </td>
          </tr>
          <tr>
            <td colSpan={2}>
              {t('order.deliveryAddress')}：{address ? `${address.province ?? ''}${address.city ?? ''}${address.address}` : '–'}
            </td>
            <td>
              {t('shipment.receiver')}：{address?.receiver ?? '–'} {address?.receiverPhone ?? ''}
            </td>
          </tr>
          <tr>
            <td>
              {t('shipment.carrier')}：{n.shipment.carrier ?? '–'}
            </td>
            <td>
              {t('shipment.vehicle')}：{n.shipment.vehicle ?? '–'} {n.shipment.driverPhone ?? ''}
            </td>
            <td>
              {n.deliveryRun
                ? `${t('shipment.run')}：${n.deliveryRun.runDate} ${t('shipment.stop', { n: n.deliveryRun.stopSeq ?? '?' })}`
                : ''}
            </td>
          </tr>
        </tbody>
      </table>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {[
              '#',
              t('order.number'),
              t('order.sku'),
              t('shipment.quantity'),
              t('shipment.unitPrice'),
              t('shipment.amount'),
              t('shipment.codes'),
            ].map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {n.lines.map((l, i) => (
            <tr key={`${l.orderNumber}-${l.skuCode}`}>
              <td style={cell}>{i + 1}</td>
              <td style={cell}>{l.orderNumber}</td>
              <td style={cell}>
                {l.skuCode} {l.skuName}
              </td>
              <td style={{ ...cell, textAlign: 'right' }}>
                {l.quantity} {l.baseUnit}
                {l.caseUnit && l.unitsPerCase > 1 && l.cases > 0
                  ? `（${l.cases} ${l.caseUnit}${l.looseUnits ? ` + ${l.looseUnits} ${l.baseUnit}` : ''}）`
                  : ''}
              </td>
              <td style={{ ...cell, textAlign: 'right' }}>{formatFen(l.unitPriceFen, i18n.language)}</td>
              <td style={{ ...cell, textAlign: 'right' }}>{formatFen(l.amountFen, i18n.language)}</td>
              <td style={cell}>{l.codes.join(', ') || '–'}</td>
            </tr>
          ))}
          <tr>
            <td style={cell} colSpan={3}>
              {t('shipment.totals')}
            </td>
            <td style={{ ...cell, textAlign: 'right' }}>{n.totals.quantity}</td>
            <td style={cell} />
            <td style={{ ...cell, textAlign: 'right' }}>{formatFen(n.totals.amountFen, i18n.language)}</td>
            <td style={cell} />
          </tr>
        </tbody>
      </table>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 48 }}>
        <span>{t('shipment.signature')}：＿＿＿＿＿＿＿＿</span>
        <span>
          {t('shipment.printedAt')}：{formatDateTime(n.printedAt)}
        </span>
      </div>
    </div>
  );
}
