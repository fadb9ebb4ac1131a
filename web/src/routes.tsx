import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Access, type AccessKey } from './access';
import type { zhCN } from './i18n/zh-CN';

export type MenuKey = keyof typeof zhCN.menu;

/** One entry of the route tree: the page, its menu title and icon, and the permission key that shows it. */
export interface AppRoute {
  path: string;
  title: MenuKey;
  icon?: ReactNode;
  access?: AccessKey;
  hideInMenu?: boolean;
  page?: () => Promise<{ default: ComponentType }>;
  children?: AppRoute[];
}

export const appRoutes: AppRoute[] = [
  { path: '/', title: 'home', icon: <HomeOutlined />, page: () => import('./pages/org/home') },
  {
    path: '/org',
    title: 'org',
    icon: <ApartmentOutlined />,
    children: [
      {
        path: '/org/chart',
        title: 'orgChart',
        icon: <ClusterOutlined />,
        access: Access.usersRead,
        page: () => import('./pages/org/chart'),
      },
      { path: '/org/users', title: 'users', icon: <TeamOutlined />, access: Access.usersRead, page: () => import('./pages/org/users') },
      {
        path: '/org/users/:id',
        title: 'userDetail',
        access: Access.usersRead,
        hideInMenu: true,
        page: () => import('./pages/org/user-detail'),
      },
      {
        path: '/org/geography',
        title: 'geography',
        icon: <EnvironmentOutlined />,
        access: Access.usersRead,
        page: () => import('./pages/org/geography'),
      },
      { path: '/org/authority', title: 'authority', icon: <SafetyCertificateOutlined />, page: () => import('./pages/org/authority') },
      { path: '/org/policies', title: 'policies', icon: <BookOutlined />, page: () => import('./pages/org/policies') },
      { path: '/org/policies/:id', title: 'policyDetail', hideInMenu: true, page: () => import('./pages/org/policy-detail') },
    ],
  },
  {
    path: '/approvals',
    title: 'approvals',
    icon: <CheckSquareOutlined />,
    children: [
      { path: '/approvals/inbox', title: 'approvalInbox', icon: <CarryOutOutlined />, page: () => import('./pages/approvals/inbox') },
      {
        path: '/approvals/definitions',
        title: 'approvalDefinitions',
        icon: <PartitionOutlined />,
        access: Access.approvalDefinitionsManage,
        page: () => import('./pages/approvals/definitions'),
      },
      { path: '/approvals/:id', title: 'approvalDetail', hideInMenu: true, page: () => import('./pages/approvals/detail') },
    ],
  },
  {
    path: '/expenses',
    title: 'expenses',
    icon: <AccountBookOutlined />,
    access: Access.expensesRead,
    page: () => import('./pages/expenses/list'),
  },
  {
    path: '/expenses/:id',
    title: 'expenseDetail',
    access: Access.expensesRead,
    hideInMenu: true,
    page: () => import('./pages/expenses/detail'),
  },
  {
    path: '/system',
    title: 'system',
    icon: <SettingOutlined />,
    children: [
      {
        path: '/system/audit',
        title: 'audit',
        icon: <AuditOutlined />,
        access: Access.auditRead,
        page: () => import('./pages/system/audit'),
      },
    ],
  },
  { path: '/settings', title: 'settings', hideInMenu: true, page: () => import('./pages/auth/settings') },
];

/** The route tree without the branches this user may not open; empty groups disappear. */
export function visibleRoutes(routes: AppRoute[], allowed: (key: AccessKey | undefined) => boolean): AppRoute[] {
  return routes.flatMap((route) => {
    if (!allowed(route.access)) return [];
    if (!route.children) return [route];
    const children = visibleRoutes(route.children, allowed);
    return children.length ? [{ ...route, children }] : [];
  });
}

function lazyPage(page: NonNullable<AppRoute['page']>): RouteObject['lazy'] {
  return async () => ({ Component: (await page()).default });
}

function pageRoutes(routes: AppRoute[]): RouteObject[] {
  return routes.flatMap((route) => [
    ...(route.page ? [{ path: route.path, handle: route, lazy: lazyPage(route.page) }] : []),
    ...pageRoutes(route.children ?? []),
  ]);
}

/** Shown for the moment the first lazy page loads; the pages show their own loading states after that. */
function Blank() {
  return null;
}

/** The router's table: the login page alone, every other page inside the lazily loaded shell. */
export function routerRoutes(): RouteObject[] {
  return [
    { path: '/login', HydrateFallback: Blank, lazy: lazyPage(() => import('./pages/auth/login')) },
    {
      HydrateFallback: Blank,
      lazy: lazyPage(() => import('./components/AppLayout')),
      children: [...pageRoutes(appRoutes), { path: '*', lazy: lazyPage(() => import('./components/NotFound')) }],
    },
  ];
}
