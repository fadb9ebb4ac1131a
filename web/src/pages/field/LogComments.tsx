import { Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { WorkLogDetail } from './types';

/** The superiors' comments (上级点评) on a log, oldest first. */
export function LogComments({ comments }: { comments: WorkLogDetail['comments'] }) {
  const { t } = useTranslation();
  if (!comments.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workLog.noComments')} />;
  return (
    <List
      size="small"
      dataSource={comments}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <span>
                {c.userName} <Typography.Text type="secondary">{formatDateTime(c.at)}</Typography.Text>
              </span>
            }
            description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.body}</Typography.Paragraph>}
          />
        </List.Item>
      )}
    />
  );
}
