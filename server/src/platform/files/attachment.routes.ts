import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors/app-error.js';
import { serviceContext } from '../http/request-context.js';
import { DateTime, IdParams } from '../http/schemas.js';
import { defaultMaxUploadBytes, openAttachment, uploadFile } from './attachment.service.js';
import { FileStore } from './file-store.js';
import { allowedContentTypes, isImage } from './file-type.js';
import { FilesErrors } from './files.errors.js';

const tags = ['platform'];

export const AttachmentSchema = Type.Object(
  { id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() },
  { $id: 'Attachment' },
);

/** As a record lists its files. */
export const RecordAttachmentSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  createdAt: DateTime,
});

export interface FilesRoutesOptions {
  dataDir: string;
  maxBytes?: number;
}

/** RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name (Chinese file names) for the rest. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const filesRoutes: FastifyPluginAsyncTypebox<FilesRoutesOptions> = async (app, options) => {
  const maxBytes = options.maxBytes ?? defaultMaxUploadBytes;
  const store = new FileStore(options.dataDir);
  // Registered here, not app-wide: only this route accepts multipart bodies.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 1024, parts: 6 },
  });
  const missingFile = () => new AppError(FilesErrors.fileMissing, { field: 'file' }, { field: 'file' });

  app.post(
    '/files',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'uploadFile',
        tags,
        summary: `Uploads one file (JPEG, PNG, WebP or PDF, at most ${maxBytes / 1024 / 1024} MB) for a record to claim`,
        consumes: ['multipart/form-data'],
        body: Type.Object({ file: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }) }),
        response: { 201: AttachmentSchema },
      },
      // The body is a stream the handler checks itself; the schema above documents the form for OpenAPI.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw missingFile();
      const part = await request.file();
      if (part?.fieldname !== 'file') {
        part?.file.resume();
        throw missingFile();
      }
      const summary = await uploadFile(serviceContext(app, request), store, { fileName: part.filename, source: part.file, maxBytes });
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'downloadFile',
        tags,
        summary: 'Downloads a file of a record I may see (or my own unattached upload)',
        params: IdParams,
        produces: [...allowedContentTypes],
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'The file, with its stored type' }) },
      },
    },
    async (request, reply) => {
      const { attachment, stream } = await openAttachment(serviceContext(app, request), store, request.params.id);
      // PDFs download rather than open here: a viewer in our origin would run whatever the file carries.
      const kind = isImage(attachment.contentType) ? 'inline' : 'attachment';
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(kind, attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-cache')
        .send(stream);
    },
  );
};
