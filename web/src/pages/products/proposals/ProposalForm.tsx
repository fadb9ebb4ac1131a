import { ModalForm, ProFormDigit, ProFormText, ProFormTextArea, ProFormTreeSelect } from '@ant-design/pro-components';
import { Button, Col, Form, Row } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { yuanToFen } from '../../../components/format';
import { fenToYuan, MoneyInput } from '../../../components/MoneyInput';
import { useSubmit } from '../../../components/useSubmit';
import { productKeys } from '../keys';
import type { Proposal } from '../types';
import { useCategoryTree } from '../useCategories';

interface Values {
  title: string;
  description: string;
  categoryId?: number | null;
  expectedVolume?: number | null;
  targetPrice?: number | null;
}

/** PRD-1 新产品开发建议书: kept as a draft until its author submits it for review. */
export function ProposalForm(props: {
  proposal?: Proposal | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { proposal } = props;
  const { t } = useTranslation();
  const { tree } = useCategoryTree();
  const [form] = Form.useForm<Values>();
  const submitAfterSave = useRef(false);
  const onFinish = useSubmit(
    form,
    async (values: Values) => {
      const body = {
        title: values.title.trim(),
        description: values.description.trim(),
        categoryId: values.categoryId ?? null,
        expectedVolume: typeof values.expectedVolume === 'number' ? values.expectedVolume : null,
        targetPriceFen: typeof values.targetPrice === 'number' ? yuanToFen(values.targetPrice) : null,
      };
      const submit = submitAfterSave.current;
      if (!proposal) return call(api.POST('/api/products/proposals', { body: { ...body, submit } }));
      const saved = await call(api.PATCH('/api/products/proposals/{id}', { params: { path: { id: proposal.id } }, body }));
      return submit ? call(api.POST('/api/products/proposals/{id}/submit', { params: { path: { id: proposal.id } } })) : saved;
    },
    { success: t('proposal.saved'), invalidate: [productKeys.proposals], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={proposal ? t('proposal.edit') : t('proposal.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={680}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        proposal
          ? {
              title: proposal.title,
              description: proposal.description,
              categoryId: proposal.categoryId,
              expectedVolume: proposal.expectedVolume,
              targetPrice: fenToYuan(proposal.targetPriceFen),
            }
          : {}
      }
      submitter={{
        render: (submitProps) => [
          <Button
            key="draft"
            onClick={() => {
              submitAfterSave.current = false;
              submitProps.submit();
            }}
          >
            {t('proposal.saveDraft')}
          </Button>,
          <Button
            key="submit"
            type="primary"
            onClick={() => {
              submitAfterSave.current = true;
              submitProps.submit();
            }}
          >
            {t('proposal.submit')}
          </Button>,
        ],
      }}
      onFinish={onFinish}
    >
      <ProFormText name="title" label={t('proposal.subject')} rules={[{ required: true, whitespace: true }, { max: 120 }]} />
      <Row gutter={16}>
        <Col span={8}>
          <ProFormTreeSelect
            name="categoryId"
            label={t('proposal.category')}
            fieldProps={{ treeData: tree, allowClear: true, treeDefaultExpandAll: true }}
          />
        </Col>
        <Col span={8}>
          <ProFormDigit
            name="expectedVolume"
            label={t('proposal.expectedVolume')}
            min={0}
            max={1_000_000_000}
            fieldProps={{ precision: 0 }}
          />
        </Col>
        <Col span={8}>
          <Form.Item name="targetPrice" label={t('proposal.targetPrice')}>
            <MoneyInput />
          </Form.Item>
        </Col>
      </Row>
      <ProFormTextArea
        name="description"
        label={t('proposal.description')}
        tooltip={t('proposal.descriptionHint')}
        rules={[{ required: true, whitespace: true }, { max: 8000 }]}
        fieldProps={{ rows: 6, showCount: true, maxLength: 8000 }}
      />
    </ModalForm>
  );
}
