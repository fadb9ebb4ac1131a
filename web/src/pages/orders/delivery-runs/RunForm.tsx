import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { orderKeys } from '../options';
import { useWarehouseNames } from '../warehouses';

interface Values {
  runDate: string;
  warehouseId?: number;
  vehicle: string;
  driverName?: string;
  driverPhone?: string;
  note?: string;
  shipmentIds: number[];
}

/** OSB-3: several accounts' delivery shipments of one warehouse on one truck; the order picked is the stop order. */
export function RunForm(props: { open: boolean; onOpenChange(open: boolean): void; onCreated(): void }) {
  const { open, onOpenChange, onCreated } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const warehouseId = Form.useWatch('warehouseId', form);
  const warehouseNames = useWarehouseNames();
  const waiting = useQuery({
    queryKey: [...orderKeys.shipments, 'waiting-for-run', warehouseId],
    queryFn: () =>
      call(api.GET('/api/orders/shipments', { params: { query: { warehouseId: warehouseId as number, kind: 'delivery', limit: 200 } } })),
    enabled: open && warehouseId !== undefined,
    select: (page) => page.items.filter((s) => s.deliveryRunId === null && (s.state === 'prepared' || s.state === 'picked')),
  });
  const onFinish = useSubmit(
    form,
    (v: Values) =>
      call(
        api.POST('/api/orders/delivery-runs', {
          body: {
            runDate: dayjs(v.runDate).format('YYYY-MM-DD'),
            warehouseId: v.warehouseId as number,
            vehicle: v.vehicle.trim(),
            driverName: v.driverName?.trim() || null,
            driverPhone: v.driverPhone?.trim() || null,
            note: v.note?.trim() || null,
            shipmentIds: v.shipmentIds,
          },
        }),
      ),
    { success: t('deliveryRun.created'), invalidate: [orderKeys.shipments], onSaved: onCreated },
  );
  return (
    <ModalForm<Values>
      title={t('deliveryRun.create')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ runDate: dayjs().format('YYYY-MM-DD') }}
      onValuesChange={(changed) => {
        if ('warehouseId' in changed) form.setFieldValue('shipmentIds', []);
      }}
      onFinish={onFinish}
    >
      <ProFormDatePicker name="runDate" label={t('deliveryRun.runDate')} rules={[{ required: true }]} width="md" />
      <ProFormSelect
        name="warehouseId"
        label={t('deliveryRun.warehouse')}
        rules={[{ required: true }]}
        options={[...warehouseNames].map(([value, label]) => ({ value, label }))}
      />
      <ProFormText name="vehicle" label={t('deliveryRun.vehicle')} rules={[{ required: true, whitespace: true }, { max: 50 }]} />
      <ProFormText name="driverName" label={t('deliveryRun.driverName')} rules={[{ max: 50 }]} />
      <ProFormText name="driverPhone" label={t('deliveryRun.driverPhone')} rules={[{ max: 30 }]} />
      <ProFormSelect
        name="shipmentIds"
        label={t('deliveryRun.shipments')}
        mode="multiple"
        rules={[{ required: true }]}
        disabled={warehouseId === undefined}
        fieldProps={{ loading: waiting.isFetching, notFoundContent: t('deliveryRun.noShipments') }}
        options={(waiting.data ?? []).map((s) => ({ value: s.id, label: `${s.number} · ${s.accountCode} ${s.accountName}` }))}
      />
      <ProFormTextArea name="note" label={t('deliveryRun.note')} rules={[{ max: 500 }]} />
    </ModalForm>
  );
}
