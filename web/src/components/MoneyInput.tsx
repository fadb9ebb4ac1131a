import { InputNumber } from 'antd';

/** CNY 1,000,000: the largest amount a person types here (the API caps claims at the same). */
const maxYuan = 1_000_000;

/** Fen from the API as the yuan people edit; the way back is yuanToFen. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** Yuan with two decimals; the caller converts to integer fen with yuanToFen before sending. */
export function MoneyInput(props: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
}) {
  return <InputNumber<number> {...props} min={0} max={maxYuan} precision={2} prefix="¥" style={{ width: '100%' }} />;
}
