import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../access';
import { api, call } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';
import { errorMessage, useReportError } from '../../components/errors';
import { formatDate, formatDateTime } from '../../components/format';
import { useSession } from '../../session';
import { CheckInForm } from './CheckInForm';
import { fieldKeys } from './keys';
import { VisitKindTag, VisitStatusTag } from './options';

/** One visit with its photos; my planned visit can be checked in or cancelled from here. */
export function VisitDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useAccess();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [checkingIn, setCheckingIn] = useState(false);
  const visit = useQuery({
    queryKey: [...fieldKeys.visits, 'detail', id],
    queryFn: () => call(api.GET('/api/field/visits/{id}', { params: { path: { id: id as number } } })),
    enabled: id !== null,
  });
  const v = visit.data;
  const mayAct = v?.status === 'planned' && v.repUserId === user.id && can(Access.fieldVisitsRecord);

  return (
    <Drawer title={t('visit.detail')} open={id !== null} onClose={onClose} width={560} destroyOnHidden>
      {visit.isPending && <Spin />}
      {visit.error && <Result status="error" title={errorMessage(visit.error, t('error.network'))} />}
      {v && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('visit.account')}>
              {v.accountName} <Typography.Text type="secondary">{v.accountCode}</Typography.Text>
              {v.accountGrade ? ` · ${v.accountGrade}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.rep')}>{v.repName}</Descriptions.Item>
            <Descriptions.Item label={t('visit.geography')}>{v.geographyName ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('visit.kind')}>
              <VisitKindTag kind={v.kind} />
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.status')}>
              <VisitStatusTag status={v.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.date')}>{formatDate(v.visitDate)}</Descriptions.Item>
            {v.plannedFor && <Descriptions.Item label={t('visit.plannedFor')}>{formatDate(v.plannedFor)}</Descriptions.Item>}
            <Descriptions.Item label={t('visit.checkedInAt')}>{formatDateTime(v.checkedInAt)}</Descriptions.Item>
            <Descriptions.Item label={t('visit.position')}>
              {v.latitude !== null && v.longitude !== null ? `${v.latitude}, ${v.longitude}` : '–'}
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.purpose')}>{v.purpose || '–'}</Descriptions.Item>
            <Descriptions.Item label={t('visit.result')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v.result || '–'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.nextStep')}>{v.nextStep || '–'}</Descriptions.Item>
            {v.cancelReason && <Descriptions.Item label={t('visit.cancelReason')}>{v.cancelReason}</Descriptions.Item>}
            <Descriptions.Item label={t('visit.photos')}>
              <AttachmentList files={v.attachments} />
            </Descriptions.Item>
          </Descriptions>
          {mayAct && (
            <Space>
              <Button type="primary" onClick={() => setCheckingIn(true)}>
                {t('visit.checkIn')}
              </Button>
              <ModalForm<{ reason: string }>
                title={t('visit.cancel')}
                trigger={<Button danger>{t('visit.cancel')}</Button>}
                width={480}
                modalProps={{ destroyOnHidden: true }}
                onFinish={async ({ reason }) => {
                  try {
                    await call(
                      api.POST('/api/field/visits/{id}/cancel', { params: { path: { id: v.id } }, body: { reason: reason.trim() } }),
                    );
                    void message.success(t('visit.cancelled'));
                    void queryClient.invalidateQueries({ queryKey: fieldKeys.all });
                    return true;
                  } catch (error) {
                    reportError(error);
                    return false;
                  }
                }}
              >
                <ProFormTextArea
                  name="reason"
                  label={t('visit.cancelReason')}
                  rules={[{ required: true, whitespace: true }, { max: 500 }]}
                />
              </ModalForm>
            </Space>
          )}
          <CheckInForm open={checkingIn} onOpenChange={setCheckingIn} planned={v} />
        </Space>
      )}
    </Drawer>
  );
}
