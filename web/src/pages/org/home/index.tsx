import { CheckOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { Home } from '../../../api/types';
import { errorMessage } from '../../../components/errors';
import { formatDate } from '../../../components/format';
import { GeographyKindTag, LadderTag } from '../../../components/tags';
import { useAcknowledgePolicy } from '../../../components/useAcknowledgePolicy';
import { CustomerKpiHomeWidget } from '../../customers/CustomerKpiCard';
import { ComplianceHomeWidget } from '../../field/ComplianceCard';

type Person = Home['superiors'][number]['users'][number];

function People({ users }: { users: Person[] }) {
  const { t } = useTranslation();
  if (!users.length) return <Typography.Text type="secondary">{t('home.vacant')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {users.map((user) => (
        <Link key={user.id} to={`/org/users/${user.id}`}>
          <Tag>{user.displayName}</Tag>
        </Link>
      ))}
    </Space>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const home = useQuery({ queryKey: keys.home, queryFn: () => call(api.GET('/api/me/home')) });
  const acknowledge = useAcknowledgePolicy();

  if (home.error) return <Result status="error" title={errorMessage(home.error, t('error.network'))} />;
  const data = home.data;

  return (
    <PageContainer title={data ? t('home.greeting', { name: data.user.displayName }) : t('menu.home')} loading={home.isPending}>
      {data && (
        <Row gutter={[16, 16]}>
          <ComplianceHomeWidget />
          <CustomerKpiHomeWidget />
          <Col xs={24} lg={12}>
            <Card title={t('home.myPosition')} style={{ height: '100%' }}>
              {data.position ? (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('position.name')}>
                    <Space>
                      {data.position.name}
                      <LadderTag ladder={data.position.ladder} />
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('position.department')}>{data.position.departmentName}</Descriptions.Item>
                  <Descriptions.Item label={t('position.duties')}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {data.position.duties || '–'}
                    </Typography.Paragraph>
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <Empty description={t('home.noPosition')} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('home.myGeography')} style={{ height: '100%' }}>
              {data.geography ? (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('geography.name')}>
                    <Space>
                      {data.geography.name}
                      <GeographyKindTag kind={data.geography.kind} />
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('geography.parent')}>{data.geography.parentName ?? '–'}</Descriptions.Item>
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">{t('home.noGeography')}</Typography.Text>
              )}
              {data.ownedGeographies.length > 0 && (
                <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                  <Descriptions.Item label={t('home.ownedGeographies')}>
                    <Space size={[4, 4]} wrap>
                      {data.ownedGeographies.map((g) => (
                        <Tag key={g.id}>{g.name}</Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('home.superiors')} style={{ height: '100%' }}>
              {data.superiors.length ? (
                <Timeline
                  items={data.superiors.map((superior) => ({
                    key: superior.positionId,
                    children: (
                      <Space direction="vertical" size={2}>
                        <Typography.Text strong>{superior.positionName}</Typography.Text>
                        <People users={superior.users} />
                      </Space>
                    ),
                  }))}
                />
              ) : (
                <Typography.Text type="secondary">{t('home.noSuperiors')}</Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('home.subordinates')} style={{ height: '100%' }}>
              <List
                size="small"
                locale={{ emptyText: t('home.noSubordinates') }}
                dataSource={data.subordinates}
                renderItem={(sub) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space>
                          {sub.positionName}
                          <LadderTag ladder={sub.ladder} />
                        </Space>
                      }
                      description={<People users={sub.users} />}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('home.pendingPolicies')}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('home.noPendingPolicies') }}
                dataSource={data.pendingPolicies}
                columns={[
                  { title: t('policy.code'), dataIndex: 'code', width: 140 },
                  {
                    title: t('policy.title'),
                    dataIndex: 'title',
                    render: (title: string, row) => <Link to={`/org/policies/${row.id}`}>{title}</Link>,
                  },
                  { title: t('policy.version'), dataIndex: 'version', width: 100 },
                  {
                    title: t('policy.effectiveDate'),
                    dataIndex: 'effectiveDate',
                    width: 130,
                    render: (value: string | null) => formatDate(value),
                  },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 140,
                    render: (_, row) => (
                      <Button
                        type="primary"
                        size="small"
                        icon={<CheckOutlined />}
                        loading={acknowledge.isPending && acknowledge.variables === row.id}
                        onClick={() => acknowledge.mutate(row.id)}
                      >
                        {t('policy.acknowledge')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
