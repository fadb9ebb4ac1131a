import {
  EditOutlined,
  ExportOutlined,
  LockOutlined,
  RiseOutlined,
  SwapOutlined,
  UnlockOutlined,
  UserAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Descriptions, Popconfirm, Result, Space, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { formatDateTime, formatFen } from '../../../components/format';
import { useSession } from '../../../session';
import { AccountForm } from '../AccountForm';
import { DisputeForm } from '../DisputeForm';
import { customerKeys } from '../keys';
import { fullAddress } from '../options';
import { AccountStatusTag, GradeTag, LockedTag, OwnerText } from '../tags';
import type { AccountDetail } from '../types';
import { AssignForm, RegradeForm, ReleaseForm } from './ActionForms';
import { AddressesTab } from './AddressesTab';
import { ContactsTab } from './ContactsTab';
import { ChangeHistoryTab, GradeReviewsTab, PoolEventsTab } from './HistoryTabs';
import { SurveysTab } from './SurveysTab';
import { useAccountMutation } from './useAccountMutation';
import { VisitsTab } from './VisitsTab';

type Dialog = 'edit' | 'grade' | 'release' | 'assign' | 'dispute' | null;

function Summary({ account: a }: { account: AccountDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
      <Descriptions.Item label={t('customers.field.kind')}>{t(`customers.kind.${a.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.partyType')}>{t(`customers.partyType.${a.partyType}`)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.owner')}>
        <OwnerText name={a.ownerName} />
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.field.geography')}>{a.geographyName ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.creditCode')}>{a.creditCode ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.mobile')}>{a.mobile ?? '–'}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.address')} span={2}>
        {fullAddress(a)}
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.field.source')}>{t(`customers.source.${a.source}`)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.tags')}>{a.tags.join('、') || '–'}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.lastFollowUpAt')}>{formatDateTime(a.lastFollowUpAt)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.lastDealAt')}>{formatDateTime(a.lastDealAt)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.field.creditLimit')}>
        {a.creditLimitFen === null ? t('customers.field.cashOnly') : formatFen(a.creditLimitFen, i18n.language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.field.creditRating')}>{a.creditRating ?? '–'}</Descriptions.Item>
      {a.ownerUserId === null ? (
        <Descriptions.Item label={t('customers.field.poolEnteredAt')}>{formatDateTime(a.poolEnteredAt)}</Descriptions.Item>
      ) : (
        <Descriptions.Item label={t('customers.field.ownedSince')}>{formatDateTime(a.ownedSince)}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('customers.field.createdAt')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The actions this reader may take on the card; the server decides again (owner, scope, limits). */
function useActions(a: AccountDetail | undefined, open: (dialog: Dialog) => void): ReactNode[] {
  const { t } = useTranslation();
  const can = useAccess();
  const { user } = useSession();
  const path = { params: { path: { id: a?.id ?? 0 } } };
  const claim = useAccountMutation(() => call(api.POST('/api/customers/accounts/{id}/claim', path)), t('customers.pool.claimed'));
  const lock = useAccountMutation(
    (locked: boolean) => call(api.POST(locked ? '/api/customers/accounts/{id}/lock' : '/api/customers/accounts/{id}/unlock', path)),
    t('common.saved'),
  );
  if (!a) return [];
  const owned = a.ownerUserId !== null;
  const mine = a.ownerUserId === user.id;
  const actions: ReactNode[] = [];
  if (!owned && can(Access.customersPoolClaim)) {
    actions.push(
      <Popconfirm
        key="claim"
        title={t('customers.pool.confirmClaim', { name: a.name })}
        onConfirm={() => claim.mutateAsync().catch(() => undefined)}
      >
        <Button type="primary" icon={<UserAddOutlined />} loading={claim.isPending}>
          {t('customers.pool.claim')}
        </Button>
      </Popconfirm>,
    );
  }
  if (can(Access.customersWrite)) {
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => open('edit')}>
        {t('common.edit')}
      </Button>,
    );
  }
  if (can(Access.customersGradesManage)) {
    actions.push(
      <Button key="grade" icon={<RiseOutlined />} onClick={() => open('grade')}>
        {t('customers.grade.regrade')}
      </Button>,
    );
  }
  if (owned && can(Access.customersManage)) {
    actions.push(
      <Button key="assign" icon={<SwapOutlined />} onClick={() => open('assign')}>
        {t('customers.assign.title')}
      </Button>,
    );
  }
  if (owned && can(Access.customersWrite)) {
    actions.push(
      <Button
        key="lock"
        icon={a.locked ? <UnlockOutlined /> : <LockOutlined />}
        loading={lock.isPending}
        onClick={() => lock.mutate(!a.locked)}
      >
        {a.locked ? t('customers.account.unlock') : t('customers.account.lock')}
      </Button>,
      <Button key="release" icon={<ExportOutlined />} onClick={() => open('release')}>
        {t('customers.pool.release')}
      </Button>,
    );
  }
  // A rep claims a colleague's account this way; managers move accounts with "assign" instead.
  if (owned && !mine && can(Access.customersWrite) && !can(Access.customersManage)) {
    actions.push(
      <Button key="dispute" danger icon={<WarningOutlined />} onClick={() => open('dispute')}>
        {t('customers.dispute.file')}
      </Button>,
    );
  }
  return actions;
}

/** 每户一卡: the account 360° page with its people, logistics, visits, grades, pool moves and full history. */
export default function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useAccess();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const account = useQuery({
    queryKey: customerKeys.account(id),
    queryFn: () => call(api.GET('/api/customers/accounts/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
  const a = account.data;
  const actions = useActions(a, setDialog);

  if (account.error) return <Result status="404" title={errorMessage(account.error, t('error.network'))} />;
  const editable = can(Access.customersWrite);
  const close = (open: boolean) => !open && setDialog(null);
  const dueAddresses = a?.addresses.filter((x) => x.verificationDue).length ?? 0;

  return (
    <PageContainer
      loading={account.isPending}
      title={a?.name}
      subTitle={a && <Typography.Text type="secondary">{a.code}</Typography.Text>}
      tags={
        a && (
          <Space size={4}>
            <GradeTag grade={a.grade} />
            <AccountStatusTag status={a.status} />
            <LockedTag locked={a.locked} />
          </Space>
        )
      }
      onBack={() => void navigate(-1)}
      extra={actions}
      content={a && <Summary account={a} />}
    >
      {a && (
        <>
          {a.masked && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('customers.account.maskedHint')} />}
          <Tabs
            type="card"
            destroyOnHidden
            items={[
              {
                key: 'contacts',
                label: `${t('customers.tabs.contacts')} (${a.contacts.length})`,
                children: <ContactsTab account={a} editable={editable} />,
              },
              {
                key: 'addresses',
                label: (
                  <Badge count={dueAddresses} size="small" offset={[8, -2]} title={t('customers.address.dueHint')}>
                    {t('customers.tabs.addresses')} ({a.addresses.length})
                  </Badge>
                ),
                children: <AddressesTab account={a} editable={editable} />,
              },
              ...(can(Access.accountVisitsRead)
                ? [{ key: 'visits', label: t('customers.tabs.visits'), children: <VisitsTab accountId={a.id} /> }]
                : []),
              { key: 'surveys', label: t('customers.tabs.surveys'), children: <SurveysTab accountId={a.id} editable={editable} /> },
              { key: 'grades', label: t('customers.tabs.grades'), children: <GradeReviewsTab reviews={a.gradeReviews} /> },
              { key: 'pool', label: t('customers.tabs.pool'), children: <PoolEventsTab events={a.poolEvents} /> },
              { key: 'history', label: t('customers.tabs.history'), children: <ChangeHistoryTab history={a.history} /> },
            ]}
          />
          <AccountForm account={a} open={dialog === 'edit'} onOpenChange={close} />
          <RegradeForm account={a} open={dialog === 'grade'} onOpenChange={close} />
          <ReleaseForm account={a} open={dialog === 'release'} onOpenChange={close} />
          <AssignForm account={a} open={dialog === 'assign'} onOpenChange={close} />
          <DisputeForm account={a} open={dialog === 'dispute'} onOpenChange={close} />
        </>
      )}
    </PageContainer>
  );
}
