import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDatePicker, ProFormDigit, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Form, Rate, Row, Space, Statistic, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { BodyOf } from '../../../api/types';
import { formatDate } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';
import { customerKeys } from '../keys';

type SurveyBody = BodyOf<'/api/customers/accounts/{id}/surveys', 'post'>;
type Channel = SurveyBody['channel'];
const channels: Channel[] = ['visit', 'phone', 'questionnaire', 'other'];
const dimensions = ['productScore', 'deliveryScore', 'serviceScore', 'priceScore'] as const;

interface Values {
  surveyedOn: string;
  channel: Channel;
  overallScore: number;
  productScore?: number;
  deliveryScore?: number;
  serviceScore?: number;
  priceScore?: number;
  wouldRecommend?: number | null;
  comment?: string;
}

const surveysKey = (accountId: number) => [...customerKeys.account(accountId), 'surveys'] as const;

function SurveyForm(props: { accountId: number; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (v: Values) =>
      call(
        api.POST('/api/customers/accounts/{id}/surveys', {
          params: { path: { id: props.accountId } },
          body: {
            surveyedOn: dayjs(v.surveyedOn).format('YYYY-MM-DD'),
            channel: v.channel,
            overallScore: v.overallScore,
            // An unrated dimension (0 stars) was not asked.
            productScore: v.productScore || null,
            deliveryScore: v.deliveryScore || null,
            serviceScore: v.serviceScore || null,
            priceScore: v.priceScore || null,
            wouldRecommend: v.wouldRecommend ?? null,
            comment: v.comment?.trim() || null,
          },
        }),
      ),
    { success: t('common.saved'), invalidate: [customerKeys.all] },
  );
  return (
    <ModalForm<Values>
      title={t('customers.survey.add')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ surveyedOn: dayjs().format('YYYY-MM-DD'), channel: 'visit' }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormDatePicker
            name="surveyedOn"
            label={t('customers.survey.surveyedOn')}
            rules={[{ required: true }]}
            fieldProps={{ disabledDate: (day: Dayjs) => day.isAfter(dayjs(), 'day'), style: { width: '100%' } }}
          />
        </Col>
        <Col span={12}>
          <ProFormRadio.Group
            name="channel"
            label={t('customers.survey.channel')}
            rules={[{ required: true }]}
            options={channels.map((c) => ({ value: c, label: t(`customers.surveyChannel.${c}`) }))}
          />
        </Col>
        <Col span={12}>
          <Form.Item name="overallScore" label={t('customers.survey.overallScore')} rules={[{ required: true }]}>
            <Rate />
          </Form.Item>
        </Col>
        <Col span={12}>
          <ProFormDigit
            name="wouldRecommend"
            label={t('customers.survey.wouldRecommend')}
            tooltip={t('customers.survey.wouldRecommendHint')}
            min={0}
            max={10}
            fieldProps={{ precision: 0 }}
          />
        </Col>
        {dimensions.map((d) => (
          <Col span={12} key={d}>
            <Form.Item name={d} label={t(`customers.survey.${d}`)}>
              <Rate />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <ProFormTextArea name="comment" label={t('customers.survey.comment')} rules={[{ max: 1000 }]} fieldProps={{ rows: 2 }} />
    </ModalForm>
  );
}

/** CUS-10 satisfaction surveys of the account, newest first, with their average and NPS. */
export function SurveysTab({ accountId, editable }: { accountId: number; editable: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const surveys = useQuery({
    queryKey: surveysKey(accountId),
    queryFn: () => call(api.GET('/api/customers/accounts/{id}/surveys', { params: { path: { id: accountId } } })),
  });
  const items = surveys.data?.items ?? [];
  type Survey = (typeof items)[number];
  const average = items.length ? items.reduce((sum, s) => sum + s.overallScore, 0) / items.length : null;
  const answers = items.filter((s) => s.wouldRecommend !== null);
  const nps = answers.length
    ? (100 * (answers.filter((s) => (s.wouldRecommend ?? 0) >= 9).length - answers.filter((s) => (s.wouldRecommend ?? 0) <= 6).length)) /
      answers.length
    : null;
  const score = (v: number | null) => (v === null ? '–' : <Rate disabled value={v} style={{ fontSize: 12 }} />);
  const columns: TableColumnsType<Survey> = [
    { title: t('customers.survey.surveyedOn'), dataIndex: 'surveyedOn', render: (v: string) => formatDate(v) },
    { title: t('customers.survey.channel'), dataIndex: 'channel', render: (v: Channel) => t(`customers.surveyChannel.${v}`) },
    { title: t('customers.survey.overallScore'), dataIndex: 'overallScore', render: score },
    ...dimensions.map((d) => ({ title: t(`customers.survey.${d}`), dataIndex: d, render: score })),
    { title: t('customers.survey.wouldRecommend'), dataIndex: 'wouldRecommend', render: (v: number | null) => v ?? '–' },
    { title: t('customers.survey.surveyedBy'), dataIndex: 'surveyedByName' },
    { title: t('customers.survey.comment'), dataIndex: 'comment', ellipsis: true, render: (v: string | null) => v ?? '–' },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} align="end">
        <Space size={48}>
          <Statistic title={t('customers.survey.count')} value={items.length} />
          <Statistic title={t('customers.survey.average')} value={average === null ? '–' : average.toFixed(2)} />
          <Statistic title={t('customers.survey.nps')} value={nps === null ? '–' : nps.toFixed(0)} />
        </Space>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('customers.survey.add')}
          </Button>
        )}
      </Space>
      <Table<Survey>
        rowKey="id"
        size="middle"
        loading={surveys.isLoading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 10, showSizeChanger: false }}
      />
      <SurveyForm accountId={accountId} open={open} onOpenChange={setOpen} />
    </>
  );
}
