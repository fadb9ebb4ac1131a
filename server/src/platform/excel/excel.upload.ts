import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { ExcelErrors } from './excel.errors.js';

/** 50 MB holds a 200k-row sheet of customer records with room to spare. */
export const defaultMaxXlsxBytes = 50 * 1024 * 1024;

/** Lets the routes of one (encapsulated) plugin accept a single .xlsx upload. */
export async function acceptXlsxUploads(app: FastifyInstance, maxBytes = defaultMaxXlsxBytes): Promise<void> {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 1024, parts: 6 },
  });
}

/** The OpenAPI shape of an upload form with one `file` field; the handler reads the stream itself. */
export const xlsxUploadBody = {
  type: 'object',
  properties: { file: { type: 'string', format: 'binary', description: '.xlsx workbook' } },
  required: ['file'],
} as const;

export interface SpooledUpload {
  path: string;
  fileName: string;
  dispose(): void;
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Saves the uploaded workbook to a temporary file before anything reads it,
 * so a slow upload never holds a database transaction open and the sheet can
 * be streamed from disk. The caller disposes of it.
 */
export async function spoolXlsx(request: FastifyRequest, maxBytes = defaultMaxXlsxBytes): Promise<SpooledUpload> {
  const missing = () => new AppError(ExcelErrors.fileMissing, { field: 'file' }, { field: 'file' });
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw missing();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-xlsx-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  const file = path.join(dir, 'upload.xlsx');
  try {
    const source = part.file as Readable & { truncated?: boolean };
    await pipeline(source, fs.createWriteStream(file));
    if (source.truncated) throw new AppError(ExcelErrors.tooLarge, { limit: Math.round(maxBytes / 1024 / 1024) }, { field: 'file' });
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    if (!head.equals(zipMagic)) throw new AppError(ExcelErrors.unreadable, { field: 'file' }, { field: 'file' });
    return { path: file, fileName: part.filename, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
