import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Attachment } from '../api/types';
import { fileUrl, formatSize } from './AttachmentList';
import { errorMessage } from './errors';

/** What the file chooser offers; the server decides from the bytes and answers 415 for anything else. */
const accept = 'image/jpeg,image/png,image/webp,application/pdf';

function upload(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  // The generated type names the multipart field only; the body that goes out is the form itself.
  return call(api.POST('/api/files', { body: { file: file.name }, bodySerializer: () => form }));
}

/**
 * Uploads each chosen file at once (POST /api/files) and keeps the uploaded ones as the value;
 * the record then claims them by id. A refused file is dropped with the server's reason.
 */
export function AttachmentUpload(props: { value?: Attachment[]; onChange?: (value: Attachment[]) => void; id?: string }) {
  const { value = [], onChange, id } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  // Several uploads finish one after another; each must add to the value as it is then, not as it was at its start.
  const current = useRef(value);
  current.current = value;

  const fileList: UploadFile[] = [
    ...value.map((file) => ({
      uid: `file-${file.id}`,
      name: `${file.fileName} (${formatSize(file.size)})`,
      status: 'done' as const,
      url: fileUrl(file.id),
    })),
    ...uploading,
  ];

  return (
    <Upload
      id={id}
      accept={accept}
      multiple
      fileList={fileList}
      customRequest={({ file }) => {
        const chosen = file as File & { uid: string };
        setUploading((list) => [...list, { uid: chosen.uid, name: chosen.name, status: 'uploading' }]);
        upload(chosen)
          .then((uploaded) => onChange?.([...current.current, uploaded]))
          .catch((error: unknown) => {
            void message.error(t('expense.uploadFailed', { name: chosen.name, reason: errorMessage(error, t('error.network')) }));
          })
          .finally(() => setUploading((list) => list.filter((item) => item.uid !== chosen.uid)));
      }}
      onRemove={(removed) => {
        onChange?.(current.current.filter((file) => `file-${file.id}` !== removed.uid));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />}>{t('expense.upload')}</Button>
    </Upload>
  );
}
