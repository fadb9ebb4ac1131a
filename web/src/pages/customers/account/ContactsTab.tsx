import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { ModalForm, ProFormSwitch, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Button, Col, Form, Popconfirm, Row, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { BodyOf } from '../../../api/types';
import { useSubmit } from '../../../components/useSubmit';
import { customerKeys } from '../keys';
import type { AccountContact, AccountDetail } from '../types';
import { useAccountMutation } from './useAccountMutation';

type ContactBody = BodyOf<'/api/customers/accounts/{id}/contacts', 'post'>;

interface Values {
  name: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  isPrimary?: boolean;
  notes?: string;
}

const blank = (value: string | undefined) => value?.trim() || null;

function bodyOf(v: Values): ContactBody {
  return {
    name: v.name.trim(),
    title: blank(v.title),
    mobile: blank(v.mobile),
    phone: blank(v.phone),
    email: blank(v.email),
    isPrimary: v.isPrimary ?? false,
    notes: blank(v.notes),
  };
}

function ContactForm(props: { account: AccountDetail; contact?: AccountContact; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { account, contact } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const masked = account.masked;
  const onFinish = useSubmit(
    form,
    (v: Values) => {
      const body = bodyOf(v);
      // A masked number shown to me is not mine to write back.
      if (masked && contact && body.mobile === contact.mobile) delete body.mobile;
      return contact
        ? call(
            api.PATCH('/api/customers/accounts/{id}/contacts/{contactId}', {
              params: { path: { id: account.id, contactId: contact.id } },
              body,
            }),
          )
        : call(api.POST('/api/customers/accounts/{id}/contacts', { params: { path: { id: account.id } }, body }));
    },
    { success: t('common.saved'), invalidate: [customerKeys.all] },
  );
  return (
    <ModalForm<Values>
      title={contact ? t('customers.contact.edit') : t('customers.contact.add')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        contact
          ? {
              name: contact.name,
              title: contact.title ?? undefined,
              mobile: contact.mobile ?? undefined,
              phone: contact.phone ?? undefined,
              email: contact.email ?? undefined,
              isPrimary: contact.isPrimary,
              notes: contact.notes ?? undefined,
            }
          : { isPrimary: account.contacts.length === 0 }
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="name" label={t('customers.contact.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="title" label={t('customers.contact.title')} rules={[{ max: 60 }]} />
        </Col>
        <Col span={12}>
          <ProFormText
            name="mobile"
            label={t('customers.contact.mobile')}
            rules={masked ? [] : [{ pattern: /^1[3-9]\d{9}$/, message: t('customers.account.mobileInvalid') }]}
            fieldProps={{ maxLength: 11 }}
          />
        </Col>
        <Col span={12}>
          <ProFormText name="phone" label={t('customers.contact.phone')} rules={[{ max: 30 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="email" label={t('customers.contact.email')} rules={[{ type: 'email' }, { max: 120 }]} />
        </Col>
        <Col span={12}>
          <ProFormSwitch name="isPrimary" label={t('customers.contact.isPrimary')} />
        </Col>
      </Row>
      <ProFormTextArea name="notes" label={t('customers.contact.notes')} rules={[{ max: 500 }]} fieldProps={{ rows: 2 }} />
    </ModalForm>
  );
}

/** CUS-1 the people of the account; phone numbers appear as the server sends them (masked outside my scope). */
export function ContactsTab({ account, editable }: { account: AccountDetail; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AccountContact | 'new' | null>(null);
  const remove = useAccountMutation(
    (contactId: number) =>
      call(api.DELETE('/api/customers/accounts/{id}/contacts/{contactId}', { params: { path: { id: account.id, contactId } } })),
    t('common.deleted'),
  );
  const columns: TableColumnsType<AccountContact> = [
    {
      title: t('customers.contact.name'),
      dataIndex: 'name',
      render: (_, c) => (
        <Space size={4}>
          {c.name}
          {c.isPrimary && <StarFilled style={{ color: '#faad14' }} title={t('customers.contact.isPrimary')} />}
        </Space>
      ),
    },
    { title: t('customers.contact.title'), dataIndex: 'title', render: (v) => v ?? '–' },
    { title: t('customers.contact.mobile'), dataIndex: 'mobile', render: (v) => v ?? '–' },
    { title: t('customers.contact.phone'), dataIndex: 'phone', render: (v) => v ?? '–' },
    { title: t('customers.contact.email'), dataIndex: 'email', render: (v) => v ?? '–' },
    { title: t('customers.contact.notes'), dataIndex: 'notes', ellipsis: true, render: (v) => v ?? '–' },
  ];
  if (editable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, c) => (
        <Space>
          <Button type="link" size="small" onClick={() => setEditing(c)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('customers.contact.confirmDelete', { name: c.name })}
            onConfirm={() => remove.mutateAsync(c.id).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {t('customers.contact.add')}
        </Button>
      )}
      <Table<AccountContact> rowKey="id" size="middle" columns={columns} dataSource={account.contacts} pagination={false} />
      <ContactForm
        account={account}
        contact={editing === 'new' || editing === null ? undefined : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
    </>
  );
}
