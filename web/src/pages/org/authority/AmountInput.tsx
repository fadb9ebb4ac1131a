import { InputNumber } from 'antd';
import type { AuthorityAction } from '../../../api/types';

/** Yuan with two decimals for money, percent for rates; the caller converts to fen or basis points. */
export function AmountInput(props: { unit: AuthorityAction['unit']; value?: number | null; onChange?: (value: number | null) => void }) {
  const { unit, ...rest } = props;
  return (
    <InputNumber<number>
      {...rest}
      min={0}
      max={unit === 'basisPoints' ? 100 : undefined}
      precision={2}
      prefix={unit === 'fen' ? '¥' : undefined}
      suffix={unit === 'basisPoints' ? '%' : undefined}
      style={{ width: '100%' }}
    />
  );
}
