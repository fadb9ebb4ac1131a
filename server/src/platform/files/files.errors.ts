import { defineErrors } from '../errors/app-error.js';

export const FilesErrors = defineErrors('files', {
  fileMissing: {
    status: 400,
    'zh-CN': '请在字段 {field} 中上传一个文件',
    en: 'Upload one file in the field {field}',
  },
  fileTooLarge: {
    status: 413,
    'zh-CN': '{field} 超过大小上限 {limit}',
    en: '{field} is larger than the limit of {limit}',
  },
  fileTypeRefused: {
    status: 415,
    'zh-CN': '{field} 的文件类型不允许，仅支持 JPEG、PNG、WebP 图片和 PDF',
    en: '{field} has a type that is not allowed; only JPEG, PNG and WebP images and PDF are accepted',
  },
  attachmentUnavailable: {
    status: 400,
    'zh-CN': '{field} 中的附件 {id} 不存在、已被其他记录使用，或不是您上传的',
    en: 'Attachment {id} in {field} does not exist, belongs to another record, or was not uploaded by you',
  },
});
