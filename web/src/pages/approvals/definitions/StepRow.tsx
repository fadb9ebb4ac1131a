import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ladderOptions } from '../../../components/options';
import { PositionPicker } from '../../../components/pickers';
import { type ApproverKind, approverKinds, stepModes } from './definition-form';
import { UsersPicker } from './UsersPicker';

interface StepRowProps {
  tier: number;
  /** The Form.List field name of this step. */
  step: number;
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}

/** The input for whom a step's approver rule names; it depends on the kind picked beside it. */
function ApproverTarget({ kind, step }: { kind: ApproverKind | undefined; step: number }) {
  const { t } = useTranslation();
  const name = (field: string) => [step, 'approvers', field];
  switch (kind) {
    case 'superior':
      return (
        <Form.Item name={name('levels')} label={t('approvalDef.levels')} initialValue={1} rules={[{ required: true }]}>
          <InputNumber min={1} max={10} precision={0} suffix={t('approvalDef.levelsSuffix')} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'position':
      return (
        <Form.Item name={name('positionId')} label={t('approvalDef.position')} rules={[{ required: true }]}>
          <PositionPicker />
        </Form.Item>
      );
    case 'ladder':
      return (
        <Form.Item name={name('ladder')} label={t('approvalDef.ladder')} rules={[{ required: true }]}>
          <Select options={ladderOptions(t)} />
        </Form.Item>
      );
    case 'users':
      return (
        <Form.Item name={name('userIds')} label={t('approvalDef.users')} rules={[{ required: true }]}>
          <UsersPicker />
        </Form.Item>
      );
    case 'departmentHead':
      return (
        <Form.Item label=" " colon={false}>
          <Typography.Text type="secondary">{t('approvalDef.departmentHeadHint')}</Typography.Text>
        </Form.Item>
      );
    case 'requested':
      return (
        <Form.Item label=" " colon={false}>
          <Typography.Text type="secondary">{t('approvalDef.requestedHint')}</Typography.Text>
        </Form.Item>
      );
    default:
      return null;
  }
}

/** One step of a tier: name, mode, approver rule, and its place in the order. */
export function StepRow({ tier, step, index, count, move, remove }: StepRowProps) {
  const { t } = useTranslation();
  return (
    <div
      data-testid={`step-${tier}-${index}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12, background: '#fcfcfc' }}
    >
      <Row gutter={8} align="top" wrap={false}>
        <Col flex="28px">
          <Typography.Text strong style={{ lineHeight: '32px', display: 'inline-block', marginTop: 30 }}>
            {index + 1}
          </Typography.Text>
        </Col>
        <Col flex="6 1 0">
          <Form.Item name={[step, 'name']} label={t('approvalDef.stepName')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col flex="6 1 0">
          <Form.Item name={[step, 'mode']} label={t('approvalDef.mode')} rules={[{ required: true }]}>
            <Select options={stepModes.map((mode) => ({ value: mode, label: t(`stepMode.${mode}`) }))} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col flex="5 1 0">
          <Form.Item name={[step, 'approvers', 'kind']} label={t('approvalDef.approverKind')} rules={[{ required: true }]}>
            <Select
              options={approverKinds.map((kind) => ({ value: kind, label: t(`approverKind.${kind}`) }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col flex="7 1 0" style={{ minWidth: 0 }}>
          {/* Read at render time, not watched: a watched path goes stale when steps are reordered. */}
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => (
              <ApproverTarget kind={getFieldValue(['tiers', tier, 'steps', step, 'approvers', 'kind'])} step={step} />
            )}
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item label=" " colon={false}>
            <Space.Compact>
              <Tooltip title={t('approvalDef.moveUp')}>
                <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} />
              </Tooltip>
              <Tooltip title={t('approvalDef.moveDown')}>
                <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} />
              </Tooltip>
              <Tooltip title={t('approvalDef.removeStep')}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(index)} />
              </Tooltip>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
