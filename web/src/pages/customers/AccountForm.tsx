import { ModalForm, ProForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Form, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import type { BodyOf } from '../../api/types';
import { markFields, useReportError } from '../../components/errors';
import { GeographyPicker } from '../../components/pickers';
import { useSession } from '../../session';
import { DisputeForm } from './DisputeForm';
import { customerKeys } from './keys';
import { gradeOptions, kindOptions, partyTypeOptions, sourceOptions, statusOptions } from './options';
import type { Account, AccountDetail, Duplicate } from './types';

type CreateBody = BodyOf<'/api/customers/accounts', 'post'>;
type UpdateBody = BodyOf<'/api/customers/accounts/{id}', 'patch'>;

interface Values {
  name: string;
  kind: Account['kind'];
  partyType: Account['partyType'];
  grade?: Account['grade'];
  status?: Account['status'];
  creditCode?: string;
  mobile?: string;
  geographyId?: number | null;
  province?: string;
  city?: string;
  address?: string;
  source?: Account['source'];
  tags?: string[];
  contactName?: string;
  contactTitle?: string;
  contactMobile?: string;
}

const mobileRule = { pattern: /^1[3-9]\d{9}$/ };
const creditCodeRule = { pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/ };

/** Blank text is "no value" for the API; it refuses empty strings where it expects a credit code or a mobile. */
function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function createBody(v: Values): CreateBody {
  const contactName = text(v.contactName);
  return {
    name: v.name.trim(),
    kind: v.kind,
    partyType: v.partyType,
    grade: v.grade ?? null,
    creditCode: text(v.creditCode)?.toUpperCase() ?? null,
    mobile: text(v.mobile),
    geographyId: v.geographyId ?? null,
    province: text(v.province),
    city: text(v.city),
    address: text(v.address),
    source: v.source,
    tags: v.tags ?? [],
    contacts: contactName
      ? [{ name: contactName, title: text(v.contactTitle), mobile: text(v.contactMobile), isPrimary: true }]
      : undefined,
  };
}

/** Only what changed, so values the server masked for me (phone, street) are never written back masked. */
function updateBody(v: Values, before: AccountDetail): UpdateBody {
  const after: UpdateBody = {
    name: v.name.trim(),
    kind: v.kind,
    partyType: v.partyType,
    status: v.status,
    creditCode: text(v.creditCode)?.toUpperCase() ?? null,
    mobile: text(v.mobile),
    geographyId: v.geographyId ?? null,
    province: text(v.province),
    city: text(v.city),
    address: text(v.address),
    source: v.source,
    tags: v.tags ?? [],
  };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key as keyof AccountDetail];
    if (JSON.stringify(value ?? null) !== JSON.stringify(old ?? null)) body[key] = value;
  }
  return body as UpdateBody;
}

interface Conflict {
  message: string;
  /** The account the server found (its id lets the rep file an ownership dispute). */
  existing: Duplicate | null;
}

const duplicateCode = 'customers.duplicate';

/** CUS-2 while typing: accounts that already have this name, credit code or mobile. */
function useDuplicates(values: { name?: string; creditCode?: string; mobile?: string }, enabled: boolean) {
  const name = text(values.name) ?? undefined;
  const creditCode = values.creditCode && creditCodeRule.pattern.test(values.creditCode) ? values.creditCode : undefined;
  const mobile = values.mobile && mobileRule.pattern.test(values.mobile) ? values.mobile : undefined;
  return useQuery({
    queryKey: [...customerKeys.accounts, 'duplicates', name, creditCode, mobile],
    queryFn: () => call(api.GET('/api/customers/accounts/duplicates', { params: { query: { name, creditCode, mobile } } })),
    enabled: enabled && Boolean(name || creditCode || mobile),
    staleTime: 10_000,
  });
}

function DuplicateHint({ matches }: { matches: Duplicate[] }) {
  const { t } = useTranslation();
  if (!matches.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('customers.duplicate.possible')}
      description={
        <Space direction="vertical" size={0}>
          {matches.slice(0, 3).map((m) => (
            <Typography.Text key={m.id}>
              {t('customers.duplicate.match', {
                code: m.code,
                name: m.name,
                matched: t(`customers.matchedOn.${m.matchedOn}`),
                owner: m.ownerName ?? t('customers.pool.inPool'),
              })}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}

/**
 * A new account (with an optional primary contact) or changes to one. A duplicate answers 409 naming the
 * existing account and its owner; the form shows it above the fields and offers an ownership dispute.
 */
export function AccountForm(props: {
  account?: AccountDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (account: Account) => void;
}) {
  const { account } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [disputing, setDisputing] = useState(false);
  const name = Form.useWatch('name', form);
  const creditCode = Form.useWatch('creditCode', form);
  const mobile = Form.useWatch('mobile', form);
  const duplicates = useDuplicates({ name, creditCode, mobile }, props.open && !account && !conflict);

  const create = async (values: Values): Promise<Account> => {
    const { data, error, response } = await api.POST('/api/customers/accounts', { body: createBody(values) });
    if (response.ok && data) return data;
    const failure = ApiError.from(response.status, error);
    if (failure.code === duplicateCode) {
      const details = (error as { error?: { details?: { existing?: Duplicate } } } | undefined)?.error?.details;
      setConflict({ message: failure.message, existing: details?.existing ?? null });
    }
    throw failure;
  };

  const onFinish = async (values: Values): Promise<boolean> => {
    setConflict(null);
    try {
      const saved = account
        ? await call(api.PATCH('/api/customers/accounts/{id}', { params: { path: { id: account.id } }, body: updateBody(values, account) }))
        : await create(values);
      void message.success(account ? t('common.saved') : t('customers.account.created', { code: saved.code }));
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      props.onSaved?.(saved);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === duplicateCode) {
        markFields(form, error);
        if (account) setConflict({ message: error.message, existing: null });
      } else reportError(error, form);
      return false;
    }
  };

  const initialValues: Partial<Values> = account
    ? {
        name: account.name,
        kind: account.kind,
        partyType: account.partyType,
        status: account.status,
        creditCode: account.creditCode ?? undefined,
        mobile: account.mobile ?? undefined,
        geographyId: account.geographyId,
        province: account.province ?? undefined,
        city: account.city ?? undefined,
        address: account.address ?? undefined,
        source: account.source,
        tags: account.tags,
      }
    : { kind: 'retail_store', partyType: 'company', source: 'field', geographyId: user.geographyId ?? undefined, tags: [] };

  const existing = conflict?.existing;
  const masked = account?.masked;
  return (
    <>
      <ModalForm<Values>
        title={account ? t('customers.account.edit') : t('customers.account.create')}
        form={form}
        open={props.open}
        onOpenChange={(open) => {
          if (!open) setConflict(null);
          props.onOpenChange(open);
        }}
        width={760}
        modalProps={{ destroyOnHidden: true }}
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={() => conflict && setConflict(null)}
      >
        {conflict && (
          <Alert
            type="error"
            showIcon
            data-testid="duplicate-conflict"
            style={{ marginBottom: 16 }}
            message={t('customers.duplicate.title')}
            description={conflict.message}
            action={
              existing?.ownerName && !account ? (
                <Button size="small" danger onClick={() => setDisputing(true)}>
                  {t('customers.dispute.file')}
                </Button>
              ) : undefined
            }
          />
        )}
        {!conflict && <DuplicateHint matches={duplicates.data?.items ?? []} />}
        {masked && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('customers.account.maskedEdit')} />}
        <Row gutter={16}>
          <Col span={12}>
            <ProFormText name="name" label={t('customers.field.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]} />
          </Col>
          <Col span={6}>
            <ProFormSelect name="kind" label={t('customers.field.kind')} rules={[{ required: true }]} options={kindOptions(t)} />
          </Col>
          <Col span={6}>
            <ProFormSelect name="partyType" label={t('customers.field.partyType')} options={partyTypeOptions(t)} />
          </Col>
          <Col span={12}>
            <ProFormText
              name="creditCode"
              label={t('customers.field.creditCode')}
              tooltip={t('customers.account.creditCodeHint')}
              rules={[{ ...creditCodeRule, message: t('customers.account.creditCodeInvalid') }]}
              fieldProps={{ maxLength: 18 }}
            />
          </Col>
          <Col span={6}>
            <ProFormText
              name="mobile"
              label={t('customers.field.mobile')}
              disabled={masked}
              rules={masked ? [] : [{ ...mobileRule, message: t('customers.account.mobileInvalid') }]}
              fieldProps={{ maxLength: 11 }}
            />
          </Col>
          <Col span={6}>
            {account ? (
              <ProFormSelect name="status" label={t('customers.field.status')} options={statusOptions(t)} />
            ) : (
              <ProFormSelect name="grade" label={t('customers.field.grade')} options={gradeOptions(t)} />
            )}
          </Col>
          <Col span={12}>
            <ProForm.Item name="geographyId" label={t('customers.field.geography')}>
              <GeographyPicker />
            </ProForm.Item>
          </Col>
          <Col span={6}>
            <ProFormText name="province" label={t('customers.field.province')} rules={[{ max: 20 }]} />
          </Col>
          <Col span={6}>
            <ProFormText name="city" label={t('customers.field.city')} rules={[{ max: 40 }]} />
          </Col>
          <Col span={24}>
            <ProFormText name="address" label={t('customers.field.address')} disabled={masked} rules={[{ max: 200 }]} />
          </Col>
          <Col span={8}>
            <ProFormSelect name="source" label={t('customers.field.source')} options={sourceOptions(t)} />
          </Col>
          <Col span={16}>
            <ProFormSelect
              name="tags"
              label={t('customers.field.tags')}
              mode="tags"
              fieldProps={{ tokenSeparators: [',', '，', ' '], maxCount: 20 }}
              rules={[{ type: 'array', max: 20 }]}
            />
          </Col>
        </Row>
        {!account && (
          <>
            <Divider orientation="left" plain>
              {t('customers.account.primaryContact')}
            </Divider>
            <Row gutter={16}>
              <Col span={8}>
                <ProFormText name="contactName" label={t('customers.contact.name')} rules={[{ max: 60 }]} />
              </Col>
              <Col span={8}>
                <ProFormText name="contactTitle" label={t('customers.contact.title')} rules={[{ max: 60 }]} />
              </Col>
              <Col span={8}>
                <ProFormText
                  name="contactMobile"
                  label={t('customers.contact.mobile')}
                  rules={[{ ...mobileRule, message: t('customers.account.mobileInvalid') }]}
                  fieldProps={{ maxLength: 11 }}
                />
              </Col>
            </Row>
          </>
        )}
      </ModalForm>
      {existing && <DisputeForm account={existing} open={disputing} onOpenChange={setDisputing} />}
    </>
  );
}
