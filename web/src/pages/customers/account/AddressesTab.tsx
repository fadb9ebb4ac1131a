import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSelect, ProFormSwitch, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Button, Col, Form, Popconfirm, Row, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { BodyOf } from '../../../api/types';
import { formatDate } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';
import { customerKeys } from '../keys';
import { addressKindOptions, fullAddress } from '../options';
import type { AccountAddress, AccountDetail, AddressKind } from '../types';
import { useAccountMutation } from './useAccountMutation';

type AddressBody = BodyOf<'/api/customers/accounts/{id}/addresses', 'post'>;

interface Values {
  kind: AddressKind;
  province?: string;
  city?: string;
  address: string;
  receiver?: string;
  receiverPhone?: string;
  carrier?: string;
  unloadingNotes?: string;
  isDefault?: boolean;
}

const blank = (value: string | undefined) => value?.trim() || null;

function bodyOf(v: Values): AddressBody {
  return {
    kind: v.kind,
    province: blank(v.province),
    city: blank(v.city),
    address: v.address.trim(),
    receiver: blank(v.receiver),
    receiverPhone: blank(v.receiverPhone),
    carrier: blank(v.carrier),
    unloadingNotes: blank(v.unloadingNotes),
    isDefault: v.isDefault ?? false,
  };
}

function AddressForm(props: { account: AccountDetail; address?: AccountAddress; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { account, address } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const masked = account.masked;
  const onFinish = useSubmit(
    form,
    (v: Values) => {
      const body: Partial<AddressBody> = bodyOf(v);
      // Masked values shown to me are not mine to write back.
      if (masked && address) {
        if (body.address === address.address) delete body.address;
        if (body.receiverPhone === address.receiverPhone) delete body.receiverPhone;
      }
      return address
        ? call(
            api.PATCH('/api/customers/accounts/{id}/addresses/{addressId}', {
              params: { path: { id: account.id, addressId: address.id } },
              body,
            }),
          )
        : call(api.POST('/api/customers/accounts/{id}/addresses', { params: { path: { id: account.id } }, body: body as AddressBody }));
    },
    { success: t('common.saved'), invalidate: [customerKeys.all] },
  );
  return (
    <ModalForm<Values>
      title={address ? t('customers.address.edit') : t('customers.address.add')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={680}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        address
          ? {
              kind: address.kind,
              province: address.province ?? undefined,
              city: address.city ?? undefined,
              address: address.address,
              receiver: address.receiver ?? undefined,
              receiverPhone: address.receiverPhone ?? undefined,
              carrier: address.carrier ?? undefined,
              unloadingNotes: address.unloadingNotes ?? undefined,
              isDefault: address.isDefault,
            }
          : {
              kind: 'delivery',
              province: account.province ?? undefined,
              city: account.city ?? undefined,
              isDefault: account.addresses.length === 0,
            }
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={8}>
          <ProFormSelect name="kind" label={t('customers.address.kind')} rules={[{ required: true }]} options={addressKindOptions(t)} />
        </Col>
        <Col span={8}>
          <ProFormText name="province" label={t('customers.field.province')} rules={[{ max: 20 }]} />
        </Col>
        <Col span={8}>
          <ProFormText name="city" label={t('customers.field.city')} rules={[{ max: 40 }]} />
        </Col>
        <Col span={24}>
          <ProFormText name="address" label={t('customers.address.address')} rules={[{ required: true, whitespace: true }, { max: 200 }]} />
        </Col>
        <Col span={8}>
          <ProFormText name="receiver" label={t('customers.address.receiver')} rules={[{ max: 60 }]} />
        </Col>
        <Col span={8}>
          <ProFormText
            name="receiverPhone"
            label={t('customers.address.receiverPhone')}
            rules={masked ? [] : [{ pattern: /^1[3-9]\d{9}$/, message: t('customers.account.mobileInvalid') }]}
            fieldProps={{ maxLength: 11 }}
          />
        </Col>
        <Col span={8}>
          <ProFormText name="carrier" label={t('customers.address.carrier')} rules={[{ max: 60 }]} />
        </Col>
        <Col span={16}>
          <ProFormTextArea
            name="unloadingNotes"
            label={t('customers.address.unloadingNotes')}
            rules={[{ max: 500 }]}
            fieldProps={{ rows: 2 }}
          />
        </Col>
        <Col span={8}>
          <ProFormSwitch name="isDefault" label={t('customers.address.isDefault')} />
        </Col>
      </Row>
    </ModalForm>
  );
}

/** CUS-9 the logistics profile: delivery addresses, receivers, carriers, unloading notes, verified monthly. */
export function AddressesTab({ account, editable }: { account: AccountDetail; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AccountAddress | 'new' | null>(null);
  const path = (addressId: number) => ({ params: { path: { id: account.id, addressId } } });
  const remove = useAccountMutation(
    (addressId: number) => call(api.DELETE('/api/customers/accounts/{id}/addresses/{addressId}', path(addressId))),
    t('common.deleted'),
  );
  const verify = useAccountMutation(
    (addressId: number) => call(api.POST('/api/customers/accounts/{id}/addresses/{addressId}/verify', path(addressId))),
    t('customers.address.verified'),
  );
  const columns: TableColumnsType<AccountAddress> = [
    {
      title: t('customers.address.kind'),
      dataIndex: 'kind',
      render: (_, a) => (
        <Space size={4}>
          {t(`customers.addressKind.${a.kind}`)}
          {a.isDefault && <Tag color="blue">{t('customers.address.default')}</Tag>}
        </Space>
      ),
    },
    { title: t('customers.address.address'), dataIndex: 'address', render: (_, a) => fullAddress(a) },
    { title: t('customers.address.receiver'), dataIndex: 'receiver', render: (v) => v ?? '–' },
    { title: t('customers.address.receiverPhone'), dataIndex: 'receiverPhone', render: (v) => v ?? '–' },
    { title: t('customers.address.carrier'), dataIndex: 'carrier', render: (v) => v ?? '–' },
    { title: t('customers.address.unloadingNotes'), dataIndex: 'unloadingNotes', ellipsis: true, render: (v) => v ?? '–' },
    {
      title: t('customers.address.verifiedAt'),
      dataIndex: 'verifiedAt',
      render: (_, a) =>
        a.verificationDue ? (
          <Tooltip title={t('customers.address.dueHint')}>
            <Tag color="warning">{a.verifiedAt ? formatDate(a.verifiedAt) : t('customers.address.neverVerified')}</Tag>
          </Tooltip>
        ) : (
          formatDate(a.verifiedAt)
        ),
    },
  ];
  if (editable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, a) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<CheckCircleOutlined />}
            loading={verify.isPending && verify.variables === a.id}
            onClick={() => verify.mutate(a.id)}
          >
            {t('customers.address.verify')}
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(a)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('customers.address.confirmDelete')} onConfirm={() => remove.mutateAsync(a.id).catch(() => undefined)}>
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
          {t('customers.address.add')}
        </Button>
      )}
      <Table<AccountAddress>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={account.addresses}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <AddressForm
        account={account}
        address={editing === 'new' || editing === null ? undefined : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
    </>
  );
}
