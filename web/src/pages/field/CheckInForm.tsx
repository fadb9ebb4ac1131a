import { AimOutlined } from '@ant-design/icons';
import {
  ModalForm,
  ProForm,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Col, Form, type FormInstance, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import type { Attachment } from '../../api/types';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { useSubmit } from '../../components/useSubmit';
import { AccountSelect } from './AccountSelect';
import { fieldKeys } from './keys';
import { kindOptions } from './options';
import type { VisitDetail, VisitKind } from './types';

/** The server accepts check-ins of the last 7 days, never in the future. */
const backdateDays = 7;

interface Values {
  accountId?: number;
  kind?: VisitKind;
  checkedInAt?: Dayjs | string;
  latitude?: number | null;
  longitude?: number | null;
  purpose?: string;
  result: string;
  nextStep?: string;
  attachments?: Attachment[];
}

/** The server names the ids it was sent (attachmentIds.N); the form shows the files under one field. */
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => (f.field.startsWith('attachmentIds') ? { ...f, field: 'attachments' } : f));
  return new ApiError(error.status, error.code, error.message, fields);
}

function bodyOf(values: Values) {
  const at = values.checkedInAt ? dayjs(values.checkedInAt) : null;
  const hasPosition =
    values.latitude !== null && values.latitude !== undefined && values.longitude !== null && values.longitude !== undefined;
  return {
    checkedInAt: at ? at.toISOString() : undefined,
    ...(hasPosition ? { latitude: values.latitude as number, longitude: values.longitude as number } : {}),
    purpose: values.purpose?.trim() || undefined,
    result: values.result.trim(),
    nextStep: values.nextStep?.trim() || undefined,
    attachmentIds: (values.attachments ?? []).map((file) => file.id),
  };
}

/** Fills latitude and longitude from the browser's location (it asks the person first). */
function LocateButton({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; note?: string; error?: boolean }>({ busy: false });
  const locate = () => {
    if (!navigator.geolocation) {
      setState({ busy: false, note: t('visit.locateUnsupported'), error: true });
      return;
    }
    setState({ busy: true });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.setFieldsValue({
          latitude: Number(position.coords.latitude.toFixed(6)),
          longitude: Number(position.coords.longitude.toFixed(6)),
        });
        setState({ busy: false, note: t('visit.located') });
      },
      (error) => setState({ busy: false, note: t('visit.locateFailed', { reason: error.message }), error: true }),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return (
    <Form.Item label=" " colon={false}>
      <Button icon={<AimOutlined />} loading={state.busy} onClick={locate}>
        {state.busy ? t('visit.locating') : t('visit.locate')}
      </Button>
      {state.note && (
        <Typography.Text type={state.error ? 'danger' : 'success'} style={{ marginLeft: 8 }}>
          {state.note}
        </Typography.Text>
      )}
    </Form.Item>
  );
}

/**
 * CUS-4 签到: records a done visit on the spot (or back-dated up to 7 days), or checks in one of
 * my planned visits when `planned` is given. Position and photos are optional.
 */
export function CheckInForm(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  planned?: VisitDetail | null;
  /** Preselects an account for a new visit (e.g. from the compliance report). */
  account?: { id: number; name: string } | null;
  onSaved?: (visit: VisitDetail) => void;
}) {
  const { planned, account } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const save = async (values: Values): Promise<VisitDetail> => {
    const body = bodyOf(values);
    try {
      if (planned) return await call(api.POST('/api/field/visits/{id}/check-in', { params: { path: { id: planned.id } }, body }));
      return await call(
        api.POST('/api/field/visits', { body: { ...body, accountId: values.accountId as number, kind: values.kind as VisitKind } }),
      );
    } catch (error) {
      throw onFormFields(error);
    }
  };
  const submit = useSubmit(form, save, {
    success: planned ? t('visit.checkedIn') : t('visit.recorded'),
    invalidate: [fieldKeys.all],
    onSaved: props.onSaved,
  });

  return (
    <ModalForm<Values>
      title={planned ? `${t('visit.checkIn')} · ${planned.accountName}` : t('visit.record')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={720}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{
        accountId: account?.id,
        kind: planned?.kind ?? 'onsite',
        checkedInAt: dayjs(),
        purpose: planned?.purpose ?? '',
        attachments: [],
      }}
      onFinish={(values) => submit(values).then((ok) => ok)}
    >
      {!planned && (
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <ProForm.Item name="accountId" label={t('visit.account')} rules={[{ required: true }]}>
              <AccountSelect current={account ?? null} />
            </ProForm.Item>
          </Col>
          <Col xs={24} md={8}>
            <ProFormRadio.Group
              name="kind"
              label={t('visit.kind')}
              rules={[{ required: true }]}
              radioType="button"
              options={kindOptions(t)}
            />
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <ProFormDateTimePicker
            name="checkedInAt"
            label={t('visit.checkedInAt')}
            rules={[{ required: true }]}
            tooltip={t('visit.checkInTooOld')}
            fieldProps={{
              format: 'YYYY-MM-DD HH:mm',
              showTime: { format: 'HH:mm' },
              style: { width: '100%' },
              disabledDate: (day: Dayjs) => day.isAfter(dayjs(), 'day') || day.isBefore(dayjs().subtract(backdateDays, 'day'), 'day'),
            }}
          />
        </Col>
        <Col xs={12} md={5}>
          <ProFormDigit name="latitude" label={t('visit.latitude')} min={-90} max={90} fieldProps={{ precision: 6 }} />
        </Col>
        <Col xs={12} md={5}>
          <ProFormDigit name="longitude" label={t('visit.longitude')} min={-180} max={180} fieldProps={{ precision: 6 }} />
        </Col>
        <Col xs={24} md={6}>
          <LocateButton form={form} />
        </Col>
      </Row>
      <ProFormText name="purpose" label={t('visit.purpose')} rules={[{ max: 500 }]} />
      <ProFormTextArea
        name="result"
        label={t('visit.result')}
        rules={[{ required: true, whitespace: true }, { max: 2000 }]}
        fieldProps={{ rows: 3, showCount: true, maxLength: 2000 }}
      />
      <ProFormText name="nextStep" label={t('visit.nextStep')} rules={[{ max: 500 }]} />
      <ProForm.Item name="attachments" label={t('visit.photos')} extra={t('visit.photosHint')}>
        <AttachmentUpload />
      </ProForm.Item>
    </ModalForm>
  );
}
