import { ModalForm, ProForm } from '@ant-design/pro-components';
import { Checkbox, Col, Form, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys, usePermissionCatalog } from '../../../api/queries';
import type { Permission, Position } from '../../../api/types';
import { useSubmit } from '../../../components/useSubmit';
import { currentLanguage } from '../../../i18n';

function isPermissionModule(module: string): module is 'org' | 'platform' {
  return module === 'org' || module === 'platform';
}

interface Values {
  permissions: string[];
}

/** Grants permission keys to a position; everyone holding it gains them at once. */
export function PermissionsModal(props: { position: Position; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { position } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const catalog = usePermissionCatalog();
  const language = currentLanguage();
  const byModule = useMemo(() => {
    const groups = new Map<string, Permission[]>();
    for (const p of catalog.data ?? []) groups.set(p.module, [...(groups.get(p.module) ?? []), p]);
    return groups;
  }, [catalog.data]);
  const onFinish = useSubmit(
    form,
    ({ permissions }: Values) =>
      call(api.PUT('/api/org/positions/{id}/permissions', { params: { path: { id: position.id } }, body: { permissions } })),
    { success: t('common.saved'), invalidate: [keys.positions] },
  );

  return (
    <ModalForm<Values>
      title={t('position.permissionsOf', { name: position.name })}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ permissions: position.permissions }}
      onFinish={onFinish}
    >
      <ProForm.Item name="permissions">
        <Checkbox.Group style={{ width: '100%' }}>
          {[...byModule].map(([module, permissions]) => (
            <div key={module} style={{ marginBottom: 12, width: '100%' }}>
              <Typography.Text type="secondary">{isPermissionModule(module) ? t(`permissionModule.${module}`) : module}</Typography.Text>
              <Row gutter={[8, 4]} style={{ marginTop: 4 }}>
                {permissions.map((p) => (
                  <Col span={24} key={p.key}>
                    <Checkbox value={p.key}>
                      {p[language]} <Typography.Text type="secondary">({p.key})</Typography.Text>
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </div>
          ))}
        </Checkbox.Group>
      </ProForm.Item>
    </ModalForm>
  );
}
