import { KeyOutlined, LogoutOutlined, SettingOutlined, ShopOutlined } from '@ant-design/icons';
import { type MenuDataItem, ProLayout } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { useAccess } from '../access';
import { ApiError, api, call } from '../api/client';
import { type AppRoute, appRoutes, visibleRoutes } from '../routes';
import { SessionContext, useMeQuery, useSession } from '../session';
import { errorMessage } from './errors';
import { LanguageSwitch } from './LanguageSwitch';
import { PendingBadge } from './PendingBadge';

// The dialog brings ProForm along; loaded on first use so the shell stays light.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })));

/** The signed-in shell: waits for /api/auth/me, sends strangers to the login page, then lays out menu and header. */
export default function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) return <Spin fullscreen />;
  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.error) {
    return (
      <Result
        status="error"
        title={errorMessage(me.error, t('error.network'))}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <SessionContext value={me.data}>
      <Shell />
    </SessionContext>
  );
}

function useSavedLanguage() {
  const { user } = useSession();
  const { i18n } = useTranslation();
  const appliedFor = useRef<number | null>(null);
  // The saved preference applies once per sign-in; later switches are the user's own and already saved.
  useEffect(() => {
    if (appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    if (user.locale && user.locale !== i18n.language) void i18n.changeLanguage(user.locale);
  }, [user.id, user.locale, i18n]);
}

function toMenu(routes: AppRoute[], t: (key: `menu.${AppRoute['title']}`) => string): MenuDataItem[] {
  return routes.map((route) => ({
    path: route.path,
    name: t(`menu.${route.title}`),
    icon: route.icon,
    hideInMenu: route.hideInMenu,
    children: route.children ? toMenu(route.children, t) : undefined,
  }));
}

function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useAccess();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [passwordOpen, setPasswordOpen] = useState(false);
  useSavedLanguage();

  const current = useMatches().at(-1)?.handle as AppRoute | undefined;
  const menu = useMemo(() => toMenu(visibleRoutes(appRoutes, can), t), [can, t]);
  const title = current ? t(`menu.${current.title}`) : null;
  useEffect(() => {
    document.title = title ? `${title} · Sales OS` : 'Sales OS';
  }, [title]);

  const logout = async () => {
    await call(api.POST('/api/auth/logout')).catch(() => undefined);
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <ProLayout
      title="Sales OS"
      logo={<ShopOutlined style={{ fontSize: 24, color: '#1677ff' }} />}
      layout="mix"
      fixSiderbar
      fixedHeader
      siderWidth={216}
      route={{ path: '/', children: menu }}
      location={{ pathname: location.pathname }}
      menu={{ locale: false, defaultOpenAll: true, ignoreFlatMenu: true }}
      onMenuHeaderClick={() => void navigate('/')}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [<PendingBadge key="approvals" />, <LanguageSwitch key="language" signedIn />]}
      avatarProps={{
        size: 'small',
        title: me.user.displayName,
        style: { backgroundColor: '#1677ff' },
        children: me.user.displayName.slice(0, 1),
        render: (_, avatar) => (
          <Dropdown
            menu={{
              items: [
                { key: 'settings', icon: <SettingOutlined />, label: t('menu.settings'), onClick: () => void navigate('/settings') },
                { key: 'password', icon: <KeyOutlined />, label: t('password.change'), onClick: () => setPasswordOpen(true) },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: () => void logout() },
              ],
            }}
          >
            {avatar}
          </Dropdown>
        ),
      }}
    >
      {current && !can(current.access) ? (
        <Result status="403" title="403" subTitle={t('error.forbiddenPage')} />
      ) : (
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      )}
      {passwordOpen && (
        <Suspense>
          <ChangePasswordModal open onOpenChange={setPasswordOpen} />
        </Suspense>
      )}
    </ProLayout>
  );
}
