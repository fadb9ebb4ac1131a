import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Filled / quota of a position (ORG-2); full shows orange, over quota (legacy data) red. */
export function HeadcountTag({ filled, headcount }: { filled: number; headcount: number }) {
  const { t } = useTranslation();
  const color = filled > headcount ? 'red' : filled === headcount ? 'orange' : 'green';
  return (
    <Tooltip title={t('position.headcountHint', { filled, headcount })}>
      <Tag color={color} bordered={false}>
        {filled}/{headcount}
      </Tag>
    </Tooltip>
  );
}
