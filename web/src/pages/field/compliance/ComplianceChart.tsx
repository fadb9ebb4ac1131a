import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart';
import type { ComplianceRow } from '../types';

/** CUS-5: compliant and non-compliant stores per market, stacked. */
export function ComplianceChart({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation();
  const names = rows.map((row) => row.name ?? t('visitCompliance.unassigned'));
  return (
    <Chart
      label={t('visitCompliance.chartLabel')}
      height={300}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 48, right: 24, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: names },
        yAxis: { type: 'value', name: t('visitCompliance.stores') },
        series: [
          {
            name: t('visitCompliance.compliant'),
            type: 'bar',
            stack: 'stores',
            barMaxWidth: 64,
            data: rows.map((r) => r.compliant),
            itemStyle: { color: '#52c41a' },
          },
          {
            name: t('visitCompliance.nonCompliant'),
            type: 'bar',
            stack: 'stores',
            barMaxWidth: 64,
            data: rows.map((r) => r.nonCompliant),
            itemStyle: { color: '#ff4d4f' },
          },
        ],
      }}
    />
  );
}
