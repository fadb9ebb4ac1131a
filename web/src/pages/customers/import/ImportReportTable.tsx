import { Alert, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../types';

type Problem = ImportReport['errors'][number];

/** Every bad row and field of a workbook, in the reader's language (the server words them). */
export function ImportReportTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Problem> = [
    { title: t('customers.import.row'), dataIndex: 'row', width: 90, sorter: (a, b) => a.row - b.row, defaultSortOrder: 'ascend' },
    { title: t('customers.import.column'), dataIndex: 'column', width: 180 },
    { title: t('customers.import.problem'), dataIndex: 'message' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={report.errorCount ? 'error' : 'success'}
        showIcon
        message={
          report.errorCount
            ? t('customers.import.hasErrors', { rows: report.rows, valid: report.valid, errors: report.errorCount })
            : t('customers.import.allValid', { rows: report.rows })
        }
        description={report.truncated ? t('customers.import.truncated', { shown: report.errors.length }) : undefined}
      />
      {report.errors.length > 0 && (
        <Table<Problem>
          rowKey={(p) => `${p.row}:${p.field}:${p.message}`}
          size="small"
          columns={columns}
          dataSource={report.errors}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
          data-testid="import-report"
        />
      )}
    </Space>
  );
}
