import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  acceptXlsxUploads,
  exportXlsx,
  ImportReportSchema,
  ImportResultSchema,
  type SpooledUpload,
  sendXlsxFile,
  spoolXlsx,
  templateXlsx,
  XlsxFile,
  xlsxContentType,
  xlsxUploadBody,
} from '../../platform/excel/index.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { AccountListQuery } from './account.schemas.js';
import { accountExportColumns, accountImportColumns, accountSheet } from './account-excel.columns.js';
import { accountExportPages, commitAccountImport, dryRunAccountImport } from './account-excel.service.js';
import { CustomerPermissions } from './customers.permissions.js';
import { accountEntity } from './history.repository.js';

const tags = ['customers'];
const xlsx = [xlsxContentType];

/** Rows a template offers drop-downs for, and the most one import takes. */
const maxImportRows = 200_000;

const ExportQuery = Type.Omit(AccountListQuery, ['limit', 'offset']);

const uploadSchema = {
  consumes: ['multipart/form-data'],
  body: Type.Unsafe<unknown>(xlsxUploadBody),
};

async function withUpload<T>(request: FastifyRequest, use: (upload: SpooledUpload) => Promise<T>): Promise<T> {
  const upload = await spoolXlsx(request);
  try {
    return await use(upload);
  } finally {
    upload.dispose();
  }
}

/** RPT-3 for accounts: template, dry run, all-or-nothing import, and the streaming export of the list as filtered. */
export const accountExcelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  await acceptXlsxUploads(app);

  app.get(
    '/accounts/import/template',
    {
      config: { access: CustomerPermissions['accounts.import'] },
      schema: {
        operationId: 'accountImportTemplate',
        tags,
        summary: 'The .xlsx template: headers in my language, drop-down lists, a guide sheet with an example row',
        produces: xlsx,
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const file = await templateXlsx(accountImportColumns, request.locale, accountSheet.sheetName, maxImportRows);
      const name = request.locale === 'zh-CN' ? '客户导入模板.xlsx' : 'account-import-template.xlsx';
      return sendXlsxFile(reply, name, file);
    },
  );

  app.post(
    '/accounts/import/dry-run',
    {
      config: { access: CustomerPermissions['accounts.import'] },
      schema: {
        operationId: 'dryRunAccountImport',
        tags,
        summary: 'Checks every row and field of the workbook (duplicates within the file and against existing accounts); writes nothing',
        ...uploadSchema,
        response: { 200: ImportReportSchema },
      },
      // The body is a stream the handler reads itself; the schema documents the form for OpenAPI.
      validatorCompiler: () => () => true,
    },
    async (request) => withUpload(request, (upload) => dryRunAccountImport(ctx(request), upload.path, request.locale)),
  );

  app.post(
    '/accounts/import',
    {
      config: { access: CustomerPermissions['accounts.import'] },
      schema: {
        operationId: 'importAccounts',
        tags,
        summary: 'Imports the workbook all or nothing: any bad row answers 400 with the report and imports none',
        ...uploadSchema,
        response: { 201: ImportResultSchema },
      },
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const result = await withUpload(request, (upload) => commitAccountImport(ctx(request), upload, request.locale));
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/accounts/export',
    {
      config: { access: CustomerPermissions['accounts.export'] },
      schema: {
        operationId: 'exportAccounts',
        tags,
        summary: 'The account list with the same filters as .xlsx (streamed, masked as the list is, watermarked, audited)',
        querystring: ExportQuery,
        produces: xlsx,
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const c = ctx(request);
      const { sort = 'code', order = 'asc', ...filter } = request.query;
      return exportXlsx(reply, c, {
        ...accountSheet,
        entity: accountEntity,
        filters: request.query,
        columns: accountExportColumns,
        locale: request.locale,
        pages: accountExportPages(c, filter, { sort, order }),
      });
    },
  );
};
