import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { writeAudit } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import { contentDisposition } from '../files/attachment.routes.js';
import type { Locale, LocalizedText } from '../i18n.js';
import { type ColumnSpec, formatCell } from './excel.columns.js';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a small workbook built in memory (a template) as a download. */
export function sendXlsxFile(reply: FastifyReply, fileName: string, file: Buffer): FastifyReply {
  return reply.header('content-type', xlsxContentType).header('content-disposition', contentDisposition('attachment', fileName)).send(file);
}

export interface XlsxExport {
  /** The file name without extension; the export time is appended. */
  baseName: LocalizedText;
  sheetName: LocalizedText;
  columns: readonly ColumnSpec[];
  locale: Locale;
  /** Who exports: named in the watermark line and the workbook properties (CMP-3). */
  exportedBy: { username: string; displayName: string };
  /** Pages of rows from the list's own scoped, filtered query. */
  pages: AsyncIterable<readonly Record<string, unknown>[]>;
}

const shanghaiStamp = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function watermarkOf(exportedBy: XlsxExport['exportedBy'], at: string, locale: Locale): string {
  const who = `${exportedBy.displayName} (${exportedBy.username})`;
  return locale === 'zh-CN'
    ? `内部资料 · 导出人：${who} · 导出时间：${at}（北京时间） · 请勿外传`
    : `Confidential · exported by ${who} at ${at} (China time) · do not share outside the company`;
}

/** ORG-4 keeps pages in scope; this keeps memory flat: a page is written and released before the next is read. */
async function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * RPT-3 streaming export: sends the reply at once and writes the workbook
 * row by row as the pages arrive (exceljs WorkbookWriter), so a list of any
 * size never sits in memory. Row 1 is the watermark line naming the exporter
 * and the time, row 2 the headers in the reader's language, money in yuan.
 * Answers how many data rows went out and whether the file was finished (the
 * reply has started, so a failure midway can only cut the download short).
 */
export async function streamXlsx(reply: FastifyReply, spec: XlsxExport): Promise<{ rows: number; complete: boolean }> {
  const now = new Date();
  const stamp = shanghaiStamp.format(now);
  const fileName = `${spec.baseName[spec.locale]}-${stamp.replace(/[-:]/g, '').replace(' ', '-')}.xlsx`;
  const out = new PassThrough();
  reply.header('content-type', xlsxContentType).header('content-disposition', contentDisposition('attachment', fileName));
  reply.header('cache-control', 'private, no-store');
  reply.send(out);

  const watermark = watermarkOf(spec.exportedBy, stamp, spec.locale);
  let count = 0;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = spec.exportedBy.username;
    workbook.lastModifiedBy = spec.exportedBy.username;
    workbook.created = now;
    workbook.subject = watermark;
    const sheet = workbook.addWorksheet(spec.sheetName[spec.locale], { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = spec.columns.map((column) => ({
      key: column.key,
      width: column.width ?? 16,
      style: column.type === 'money' ? { numFmt: '#,##0.00' } : {},
    }));
    const mark = sheet.addRow([watermark]);
    mark.font = { italic: true, color: { argb: 'FF999999' } };
    sheet.mergeCells(1, 1, 1, Math.max(spec.columns.length, 1));
    mark.commit();
    const header = sheet.addRow(spec.columns.map((column) => column.header[spec.locale]));
    header.font = { bold: true };
    header.commit();
    for await (const page of spec.pages) {
      for (const row of page) {
        sheet.addRow(spec.columns.map((column) => formatCell(column, row as Record<string, unknown>, spec.locale))).commit();
        count += 1;
      }
      await drained(out);
      // The client went away: stop reading pages; the audit still records what left.
      if (out.destroyed) return { rows: count, complete: false };
    }
    sheet.commit();
    await workbook.commit();
    return { rows: count, complete: true };
  } catch (error) {
    reply.log.error({ err: error }, 'export failed midway');
    out.destroy(error as Error);
    return { rows: count, complete: false };
  }
}

/**
 * CMP-3: streams the export, then records who exported which list with
 * which filters and how many rows left (also when the download was cut short).
 */
export async function exportXlsx(
  reply: FastifyReply,
  ctx: ServiceContext,
  spec: Omit<XlsxExport, 'exportedBy'> & { entity: string; filters: Record<string, unknown> },
): Promise<FastifyReply> {
  const { entity, filters, ...sheet } = spec;
  const result = await streamXlsx(reply, { ...sheet, exportedBy: ctx.principal });
  await writeAudit(ctx.db, ctx.actor, { entity, entityId: 'list', action: 'export', after: { filters, ...result, format: 'xlsx' } });
  return reply;
}
