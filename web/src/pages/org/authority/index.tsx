import { EditOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { AuthorityAction, AuthorityRule, Ladder } from '../../../api/types';
import { errorMessage } from '../../../components/errors';
import { ladders } from '../../../components/options';
import { currentLanguage } from '../../../i18n';
import { formatAmount } from './amount';
import { CheckCard } from './CheckCard';
import { RuleForm } from './RuleForm';

const modeColors: Record<AuthorityRule['mode'], string> = {
  allowed: 'success',
  limit: 'processing',
  approval: 'warning',
  denied: 'default',
};

function Cell({ action, rule, onEdit }: { action: AuthorityAction; rule: AuthorityRule | undefined; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!rule) return '–';
  const content = (
    <Space size={4} wrap>
      <Tag color={modeColors[rule.mode]} bordered={false}>
        {t(`authorityMode.${rule.mode}`)}
      </Tag>
      {rule.mode === 'limit' && <Typography.Text>≤ {formatAmount(action.unit, rule.limitAmount, i18n.language)}</Typography.Text>}
      {!rule.isDefault && (
        <Tooltip title={t('authority.changed')}>
          <Badge status="warning" />
        </Tooltip>
      )}
    </Space>
  );
  if (!onEdit) return content;
  return (
    <Space size={0} align="start">
      {content}
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('common.edit')} />
    </Space>
  );
}

/** The authority matrix (ORG-5): what each ladder level may decide, and up to which amount. */
export default function AuthorityPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const manage = can(Access.authorityManage);
  const language = currentLanguage();
  const matrix = useQuery({ queryKey: keys.authority, queryFn: () => call(api.GET('/api/org/authority')) });
  const [editing, setEditing] = useState<{ action: AuthorityAction; rule: AuthorityRule } | null>(null);

  const rules = useMemo(() => new Map((matrix.data?.rules ?? []).map((r) => [`${r.action}|${r.ladder}`, r])), [matrix.data]);
  const ruleOf = (action: string, ladder: Ladder) => rules.get(`${action}|${ladder}`);

  if (matrix.error) return <Result status="error" title={errorMessage(matrix.error, t('error.network'))} />;

  const columns: ColumnsType<AuthorityAction> = [
    {
      title: t('authority.action'),
      key: 'action',
      fixed: 'left',
      width: 240,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{a[language]}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.key}
          </Typography.Text>
        </Space>
      ),
    },
    ...ladders.map((ladder) => ({
      title: t(`ladder.${ladder}`),
      key: ladder,
      render: (_: unknown, a: AuthorityAction) => {
        const rule = ruleOf(a.key, ladder);
        return <Cell action={a} rule={rule} onEdit={manage && rule ? () => setEditing({ action: a, rule }) : undefined} />;
      },
    })),
  ];

  return (
    <PageContainer content={t('authority.intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Table<AuthorityAction>
            rowKey="key"
            loading={matrix.isPending}
            dataSource={matrix.data?.actions}
            columns={columns}
            pagination={false}
            bordered
            tableLayout="fixed"
            scroll={{ x: 960 }}
          />
        </Card>
        {matrix.data && <CheckCard actions={matrix.data.actions} />}
      </Space>
      {editing && <RuleForm action={editing.action} rule={editing.rule} open onOpenChange={(open) => !open && setEditing(null)} />}
    </PageContainer>
  );
}
