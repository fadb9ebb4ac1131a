import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, type InputNumberProps, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../components/format';
import { type EntryLine, type EntrySku, emptyLine, lineQuantity, lineTotal, lineUnitPrice, type SkuFacts } from './lines';
import { SkuSelect } from './SkuSelect';

/** Grid columns a person types into, in Enter order. */
const cells = ['sku', 'cases', 'units', 'discount'] as const;
type Cell = (typeof cells)[number];

interface Focusable {
  focus(): void;
}

/**
 * OSB-1 the keyboard-first lines grid: Enter moves to the next cell, Enter in
 * the last cell of the last row opens a new row; price, stock and line total
 * show as soon as the SKU is picked. `badLines` are rows the server blamed.
 */
export function LinesGrid(props: {
  lines: EntryLine[];
  /** Updates as functions of the latest rows, so quick keystrokes never act on stale ones. */
  onChange(update: (lines: EntryLine[]) => EntryLine[]): void;
  facts: Map<number, SkuFacts>;
  badLines: Set<number>;
}) {
  const { lines, onChange, facts, badLines } = props;
  const { t, i18n } = useTranslation();
  const money = (fen: number | null | undefined) => formatFen(fen, i18n.language);
  const refs = useRef(new Map<string, Focusable | null>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const nextKey = useRef(Math.max(0, ...lines.map((l) => l.key)) + 1);

  useEffect(() => {
    if (!focusNext) return;
    // After the current event: a Select picked by mouse takes the focus back when its click ends.
    setTimeout(() => refs.current.get(focusNext)?.focus(), 0);
    setFocusNext(null);
  }, [focusNext]);

  const id = (key: number, cell: Cell) => `${key}:${cell}`;
  const bind = (key: number, cell: Cell) => (el: Focusable | null) => {
    refs.current.set(id(key, cell), el);
  };
  const update = (key: number, patch: Partial<EntryLine>) => onChange((rows) => rows.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  /** Cases are skipped for SKUs sold by the unit. */
  const hasCases = (sku?: EntrySku) => !!sku && sku.unitsPerCase > 1 && !!sku.caseUnit;
  const advance = (line: EntryLine, from: Cell) => {
    let index = cells.indexOf(from) + 1;
    if (cells[index] === 'cases' && !hasCases(line.sku)) index += 1;
    const cell = cells[index];
    if (cell) return setFocusNext(id(line.key, cell));
    const row = lines.findIndex((l) => l.key === line.key);
    const below = lines[row + 1];
    if (below) return setFocusNext(id(below.key, 'sku'));
    const added = emptyLine(nextKey.current++);
    onChange((rows) => [...rows, added]);
    setFocusNext(id(added.key, 'sku'));
  };
  const numberCell = (
    line: EntryLine,
    cell: Exclude<Cell, 'sku'>,
    field: 'cases' | 'units' | 'discountPct',
    extra: InputNumberProps<number>,
  ) => (
    <div data-testid={`line-${lines.indexOf(line)}-${cell}`}>
      <InputNumber<number>
        ref={bind(line.key, cell)}
        value={line[field]}
        min={0}
        precision={field === 'discountPct' ? 2 : 0}
        onChange={(v) => update(line.key, { [field]: v })}
        onPressEnter={(e) => {
          e.preventDefault();
          advance(line, cell);
        }}
        style={{ width: '100%' }}
        {...extra}
      />
    </div>
  );

  const exclude = lines.flatMap((l) => (l.sku ? [l.sku.id] : []));
  return (
    <>
      <Table<EntryLine>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, l) => lines.indexOf(l) + 1 },
          {
            title: t('orderEntry.sku'),
            key: 'sku',
            width: 320,
            render: (_, l) => (
              <div data-testid={`line-${lines.indexOf(l)}-sku`}>
                <SkuSelect
                  ref={bind(l.key, 'sku')}
                  value={l.sku}
                  exclude={exclude}
                  status={badLines.has(lines.indexOf(l)) ? 'error' : undefined}
                  onPick={(sku) => {
                    update(l.key, { sku, cases: null, units: null, discountPct: null });
                    if (sku) setFocusNext(id(l.key, hasCases(sku) ? 'cases' : 'units'));
                  }}
                />
              </div>
            ),
          },
          {
            title: t('orderEntry.cases'),
            key: 'cases',
            width: 96,
            render: (_, l) =>
              numberCell(l, 'cases', 'cases', { max: 100_000, disabled: !hasCases(l.sku), addonAfter: l.sku?.caseUnit ?? undefined }),
          },
          {
            title: t('orderEntry.units'),
            key: 'units',
            width: 110,
            render: (_, l) => numberCell(l, 'units', 'units', { max: 10_000_000, disabled: !l.sku, addonAfter: l.sku?.baseUnit }),
          },
          {
            title: t('orderEntry.stock'),
            key: 'stock',
            align: 'right',
            render: (_, l) => {
              const stock = l.sku ? facts.get(l.sku.id)?.availableStock : undefined;
              if (stock === undefined || stock === null) return '–';
              const short = lineQuantity(l) > stock;
              return short ? <Tag color="red">{`${stock} · ${t('orderEntry.shortStock')}`}</Tag> : `${stock} ${l.sku?.baseUnit ?? ''}`;
            },
          },
          {
            title: t('orderEntry.listPrice'),
            key: 'list',
            align: 'right',
            render: (_, l) => {
              if (!l.sku) return '–';
              const f = facts.get(l.sku.id);
              if (!f) return '…';
              return f.listPriceFen === null ? <Tag color="red">{t('orderEntry.noPrice')}</Tag> : money(f.listPriceFen);
            },
          },
          {
            title: t('orderEntry.discount'),
            key: 'discount',
            width: 96,
            render: (_, l) => numberCell(l, 'discount', 'discountPct', { max: 100, disabled: !l.sku }),
          },
          {
            title: t('orderEntry.unitPrice'),
            key: 'price',
            align: 'right',
            render: (_, l) => {
              const f = l.sku ? facts.get(l.sku.id) : undefined;
              const price = lineUnitPrice(l, f);
              if (price === null) return '–';
              const floor = f?.floorPriceFen ?? null;
              return floor !== null && price < floor ? (
                <Tooltip title={t('orderEntry.belowFloor', { floor: money(floor) })}>
                  <Typography.Text type="danger">{money(price)}</Typography.Text>
                </Tooltip>
              ) : (
                money(price)
              );
            },
          },
          {
            title: t('orderEntry.lineTotal'),
            key: 'total',
            align: 'right',
            render: (_, l) => (
              <Typography.Text strong data-testid={`line-${lines.indexOf(l)}-total`}>
                {money(lineTotal(l, l.sku ? facts.get(l.sku.id) : undefined))}
              </Typography.Text>
            ),
          },
          {
            key: 'remove',
            width: 48,
            render: (_, l) => (
              <Button
                type="text"
                danger
                tabIndex={-1}
                icon={<DeleteOutlined />}
                aria-label={t('orderEntry.removeLine')}
                disabled={lines.length === 1}
                onClick={() => onChange((rows) => rows.filter((x) => x.key !== l.key))}
              />
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => {
          const added = emptyLine(nextKey.current++);
          onChange((rows) => [...rows, added]);
          setFocusNext(id(added.key, 'sku'));
        }}
      >
        {t('orderEntry.addLine')}
      </Button>
    </>
  );
}
