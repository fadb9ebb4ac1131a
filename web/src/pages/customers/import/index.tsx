import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Result, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReportError } from '../../../components/errors';
import { downloadFile, uploadFile } from '../../../components/files';
import { customerKeys } from '../keys';
import type { ImportReport, ImportResult } from '../types';
import { ImportReportTable } from './ImportReportTable';

type Step = 0 | 1 | 2 | 3;

const base = '/api/customers/accounts/import';

/**
 * CUS-1 import wizard: template → upload → dry run listing every bad row and field → all-or-nothing
 * commit → result. The commit checks the workbook again, so a file changed meanwhile cannot slip in.
 */
export default function AccountImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'template' | 'check' | 'commit' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const template = async () => {
    setBusy('template');
    try {
      await downloadFile(`${base}/template`, {}, 'account-import-template.xlsx');
      setStep((s) => (s === 0 ? 1 : s));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const check = async () => {
    if (!file) return;
    setBusy('check');
    setFailure(null);
    try {
      const answer = await uploadFile<ImportReport>(`${base}/dry-run`, file);
      if ('data' in answer) {
        setReport(answer.data);
        setStep(2);
      } else setFailure(answer.error.message);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy('commit');
    setFailure(null);
    try {
      const answer = await uploadFile<ImportResult, ImportReport>(base, file);
      if ('data' in answer) {
        setResult(answer.data);
        setStep(3);
        void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      } else {
        setFailure(answer.error.message);
        if (answer.details && 'errors' in answer.details) setReport(answer.details);
      }
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setFile(null);
    setReport(null);
    setResult(null);
    setFailure(null);
    setStep(1);
  };

  return (
    <PageContainer onBack={() => void navigate('/customers/accounts')}>
      <ProCard>
        <Steps
          current={step}
          style={{ marginBottom: 32 }}
          items={[
            { title: t('customers.import.stepTemplate') },
            { title: t('customers.import.stepUpload') },
            { title: t('customers.import.stepCheck') },
            { title: t('customers.import.stepDone') },
          ]}
        />
        {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={failure} data-testid="import-failure" />}
        {step <= 1 && (
          <Space direction="vertical" size={24} style={{ width: '100%' }}>
            <Alert
              type="info"
              showIcon
              message={t('customers.import.templateHint')}
              action={
                <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={() => void template()}>
                  {t('customers.import.downloadTemplate')}
                </Button>
              }
            />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'workbook', name: file.name, status: 'done' }] : []}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setFailure(null);
                setStep(1);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('customers.import.dropHint')}</p>
              <p className="ant-upload-hint">{t('customers.import.dropLimits')}</p>
            </Upload.Dragger>
            <Button type="primary" icon={<FileExcelOutlined />} disabled={!file} loading={busy === 'check'} onClick={() => void check()}>
              {t('customers.import.check')}
            </Button>
          </Space>
        )}
        {step === 2 && report && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{file?.name}</Typography.Text>
            <ImportReportTable report={report} />
            <Space>
              <Button onClick={restart}>{t('customers.import.chooseAnother')}</Button>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={report.errorCount > 0 || report.rows === 0}
                loading={busy === 'commit'}
                onClick={() => void commit()}
              >
                {t('customers.import.commit', { rows: report.valid })}
              </Button>
            </Space>
            {report.errorCount > 0 && <Typography.Text type="secondary">{t('customers.import.allOrNothing')}</Typography.Text>}
          </Space>
        )}
        {step === 3 && result && (
          <Result
            status="success"
            title={t('customers.import.done', { count: result.imported })}
            subTitle={result.firstId !== null ? t('customers.import.ids', { first: result.firstId, last: result.lastId }) : undefined}
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate('/customers/accounts')}>
                {t('customers.import.toList')}
              </Button>,
              <Button key="again" onClick={restart}>
                {t('customers.import.again')}
              </Button>,
            ]}
          />
        )}
      </ProCard>
    </PageContainer>
  );
}
