import { ModalForm, ProForm, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { Geography } from '../../../api/types';
import { geographyKindOptions } from '../../../components/options';
import { GeographyPicker, UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

interface Values {
  code: string;
  name: string;
  kind: Geography['kind'];
  parentId: number | null;
  ownerUserId: number | null;
  provinces: string[];
  sort: number;
}

const childKind: Record<Geography['kind'], Geography['kind']> = { market: 'region', region: 'territory', territory: 'territory' };

function initialValues(geography: Geography | undefined, parent: Geography | undefined): Partial<Values> {
  if (geography) {
    const { code, name, kind, parentId, ownerUserId, provinces, sort } = geography;
    return { code, name, kind, parentId, ownerUserId, provinces, sort };
  }
  return { kind: parent ? childKind[parent.kind] : 'market', parentId: parent?.id ?? null, ownerUserId: null, provinces: [], sort: 0 };
}

/** Creates a market, region or territory (under `parent`) or edits `geography` (ORG-3). */
export function GeographyForm(props: {
  geography?: Geography;
  parent?: Geography;
  provinces: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { geography, parent } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (body: Values) =>
      geography
        ? call(api.PATCH('/api/org/geographies/{id}', { params: { path: { id: geography.id } }, body }))
        : call(api.POST('/api/org/geographies', { body })),
    { success: t('common.saved'), invalidate: [keys.geographies] },
  );
  return (
    <ModalForm<Values>
      title={geography ? t('geography.edit') : t('geography.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true }}
      initialValues={initialValues(geography, parent)}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="code" label={t('geography.code')} rules={[{ required: true }, { max: 30 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="name" label={t('geography.name')} rules={[{ required: true }, { max: 60 }]} />
        </Col>
        <Col span={12}>
          <ProFormSelect
            name="kind"
            label={t('geography.kind')}
            options={geographyKindOptions(t)}
            rules={[{ required: true }]}
            allowClear={false}
          />
        </Col>
        <Col span={12}>
          <ProForm.Item name="parentId" label={t('geography.parent')}>
            <GeographyPicker placeholder={t('geography.topLevel')} />
          </ProForm.Item>
        </Col>
        <Col span={12}>
          <ProForm.Item name="ownerUserId" label={t('geography.owner')}>
            <UserPicker current={geography?.ownerUserId ? { id: geography.ownerUserId, name: geography.ownerName ?? '' } : null} />
          </ProForm.Item>
        </Col>
        <Col span={12}>
          <ProFormDigit name="sort" label={t('common.sort')} min={0} fieldProps={{ precision: 0 }} />
        </Col>
      </Row>
      <ProFormSelect
        name="provinces"
        label={t('geography.provinces')}
        mode="tags"
        options={props.provinces.map((p) => ({ value: p, label: p }))}
        fieldProps={{ tokenSeparators: [',', '，', ' '] }}
      />
    </ModalForm>
  );
}
