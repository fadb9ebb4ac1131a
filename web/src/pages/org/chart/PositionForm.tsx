import {
  ModalForm,
  ProForm,
  ProFormDependency,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { Ladder, Position } from '../../../api/types';
import { type DataScope, dataScopeOptions, ladderOptions } from '../../../components/options';
import { DepartmentPicker, GeographyPicker, PositionPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

interface Values {
  name: string;
  departmentId: number;
  superiorId: number | null;
  ladder: Ladder;
  headcount: number;
  duties: string;
  dataScope: DataScope;
  scopeDepartmentIds: number[];
  scopeGeographyIds: number[];
}

function initialValues(position: Position | undefined, departmentId: number | undefined): Partial<Values> {
  if (!position)
    return {
      departmentId,
      superiorId: null,
      ladder: 'representative',
      headcount: 1,
      duties: '',
      scopeDepartmentIds: [],
      scopeGeographyIds: [],
    };
  return {
    name: position.name,
    departmentId: position.departmentId,
    superiorId: position.superiorId,
    ladder: position.ladder,
    headcount: position.headcount,
    duties: position.duties,
    dataScope: position.dataScope,
    scopeDepartmentIds: position.scopeDepartmentIds,
    scopeGeographyIds: position.scopeGeographyIds,
  };
}

/** Creates a position (in `departmentId`) or edits `position` (ORG-2, and its data scope of ORG-4). */
export function PositionForm(props: { position?: Position; departmentId?: number; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { position } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (body: Values) =>
      position
        ? call(api.PATCH('/api/org/positions/{id}', { params: { path: { id: position.id } }, body }))
        : call(api.POST('/api/org/positions', { body })),
    { success: t('common.saved'), invalidate: [keys.positions, keys.departments] },
  );

  return (
    <ModalForm<Values>
      title={position ? t('position.edit') : t('position.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      initialValues={initialValues(position, props.departmentId)}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="name" label={t('position.name')} rules={[{ required: true }, { max: 60 }]} />
        </Col>
        <Col span={12}>
          <ProForm.Item name="departmentId" label={t('position.department')} rules={[{ required: true }]}>
            <DepartmentPicker />
          </ProForm.Item>
        </Col>
        <Col span={12}>
          <ProForm.Item name="superiorId" label={t('position.superior')}>
            <PositionPicker exclude={position?.id} placeholder={t('position.noSuperior')} />
          </ProForm.Item>
        </Col>
        <Col span={6}>
          <ProFormSelect
            name="ladder"
            label={t('position.ladder')}
            options={ladderOptions(t)}
            rules={[{ required: true }]}
            allowClear={false}
          />
        </Col>
        <Col span={6}>
          <ProFormDigit
            name="headcount"
            label={t('position.headcount')}
            min={0}
            fieldProps={{ precision: 0 }}
            rules={[{ required: true }]}
          />
        </Col>
        <Col span={12}>
          <ProFormSelect
            name="dataScope"
            label={t('position.dataScope')}
            options={dataScopeOptions(t)}
            placeholder={t('position.dataScopeDefault')}
          />
        </Col>
      </Row>
      <ProFormDependency name={['dataScope']}>
        {({ dataScope }) =>
          dataScope === 'custom' && (
            <Row gutter={16}>
              <Col span={12}>
                <ProForm.Item name="scopeDepartmentIds" label={t('position.scopeDepartments')}>
                  <DepartmentPicker multiple />
                </ProForm.Item>
              </Col>
              <Col span={12}>
                <ProForm.Item name="scopeGeographyIds" label={t('position.scopeGeographies')}>
                  <GeographyPicker multiple />
                </ProForm.Item>
              </Col>
            </Row>
          )
        }
      </ProFormDependency>
      <ProFormTextArea name="duties" label={t('position.duties')} fieldProps={{ rows: 4, maxLength: 4000, showCount: true }} />
    </ModalForm>
  );
}
