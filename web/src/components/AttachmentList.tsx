import { FilePdfOutlined } from '@ant-design/icons';
import { Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../api/types';

export function fileUrl(id: number): string {
  return `/api/files/${id}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A record's files: images as thumbnails that open large, PDFs as downloads (the server sends them as attachments). */
export function AttachmentList({ files }: { files: readonly Attachment[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return <Typography.Text type="secondary">{t('expense.noAttachments')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space direction="vertical" size={8}>
        {files.map((file) => (
          <Space key={file.id} size={8} align="center">
            {file.contentType.startsWith('image/') ? (
              <Image src={fileUrl(file.id)} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} alt={file.fileName} />
            ) : (
              <FilePdfOutlined style={{ fontSize: 32, color: '#cf1322', width: 48 }} />
            )}
            <a href={fileUrl(file.id)} target="_blank" rel="noopener" download={file.fileName}>
              {file.fileName}
            </a>
            <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
          </Space>
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
