import {
  AccountBookOutlined,
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CompassOutlined,
  ControlOutlined,
  DatabaseOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FormOutlined,
  FundOutlined,
  FunnelPlotOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
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
    path: '/products',
    title: 'products',
    icon: <ShoppingOutlined />,
    children: [
      {
        path: '/products/catalog',
        title: 'productCatalog',
        icon: <AppstoreOutlined />,
        access: Access.productsRead,
        page: () => import('./pages/products/catalog'),
      },
      {
        path: '/products/price-lists',
        title: 'priceLists',
        icon: <DollarOutlined />,
        access: Access.productsRead,
        page: () => import('./pages/products/price-lists'),
      },
      {
        path: '/products/price-lists/:id',
        title: 'priceListDetail',
        access: Access.productsRead,
        hideInMenu: true,
        page: () => import('./pages/products/price-list'),
      },
      { path: '/products/proposals', title: 'productProposals', icon: <BulbOutlined />, page: () => import('./pages/products/proposals') },
    ],
  },
  {
    path: '/customers',
    title: 'customers',
    icon: <IdcardOutlined />,
    children: [
      {
        path: '/customers/accounts',
        title: 'customerAccounts',
        icon: <ShopOutlined />,
        access: Access.customersRead,
        page: () => import('./pages/customers/accounts'),
      },
      {
        path: '/customers/accounts/:id',
        title: 'customerAccountDetail',
        access: Access.customersRead,
        hideInMenu: true,
        page: () => import('./pages/customers/account'),
      },
      {
        path: '/customers/pool',
        title: 'customerPool',
        icon: <InboxOutlined />,
        access: Access.customersRead,
        page: () => import('./pages/customers/pool'),
      },
      {
        path: '/customers/import',
        title: 'customerImport',
        icon: <ImportOutlined />,
        access: Access.customersImport,
        page: () => import('./pages/customers/import'),
      },
      {
        path: '/customers/disputes',
        title: 'customerDisputes',
        icon: <AlertOutlined />,
        access: Access.customersDisputesDecide,
        page: () => import('./pages/customers/disputes'),
      },
      {
        path: '/customers/settings',
        title: 'customerSettings',
        icon: <ControlOutlined />,
        access: Access.customersSettingsManage,
        page: () => import('./pages/customers/settings'),
      },
    ],
  },
  {
    path: '/leads',
    title: 'leads',
    icon: <AimOutlined />,
    access: Access.leadsRead,
    page: () => import('./pages/leads'),
    children: [
      {
        path: '/leads/board',
        title: 'leadBoard',
        icon: <ProjectOutlined />,
        access: Access.leadsRead,
        page: () => import('./pages/leads/board'),
      },
      {
        path: '/leads/funnel',
        title: 'leadFunnel',
        icon: <FunnelPlotOutlined />,
        access: Access.leadsRead,
        page: () => import('./pages/leads/funnel'),
      },
      {
        path: '/leads/call-plans',
        title: 'callPlans',
        icon: <PhoneOutlined />,
        access: Access.leadsRead,
        page: () => import('./pages/leads/call-plans'),
      },
      {
        path: '/leads/teams',
        title: 'leadTeams',
        icon: <UsergroupAddOutlined />,
        access: Access.leadsRead,
        page: () => import('./pages/leads/teams'),
      },
      { path: '/leads/:id', title: 'leadDetail', access: Access.leadsRead, hideInMenu: true, page: () => import('./pages/leads/detail') },
    ],
  },
  {
    path: '/field',
    title: 'field',
    icon: <CompassOutlined />,
    children: [
      {
        path: '/field/visits',
        title: 'fieldVisits',
        icon: <CalendarOutlined />,
        access: Access.fieldVisitsRead,
        page: () => import('./pages/field/visits'),
      },
      {
        path: '/field/compliance',
        title: 'fieldCompliance',
        icon: <FundOutlined />,
        access: Access.fieldComplianceRead,
        page: () => import('./pages/field/compliance'),
      },
      {
        path: '/field/work-logs',
        title: 'fieldWorkLogs',
        icon: <FormOutlined />,
        access: Access.fieldLogsWrite,
        page: () => import('./pages/field/work-logs'),
      },
      {
        path: '/field/work-logs/team',
        title: 'fieldTeamLogs',
        icon: <TeamOutlined />,
        access: Access.fieldLogsReview,
        page: () => import('./pages/field/team-logs'),
      },
    ],
  },
  {
    path: '/orders',
    title: 'orders',
    icon: <ShoppingCartOutlined />,
    children: [
      {
        path: '/orders/list',
        title: 'orderList',
        icon: <ProfileOutlined />,
        access: Access.ordersRead,
        page: () => import('./pages/orders/list'),
      },
      {
        path: '/orders/new',
        title: 'orderEntry',
        icon: <FormOutlined />,
        access: Access.ordersEnter,
        page: () => import('./pages/orders/entry'),
      },
      {
        path: '/orders/shipments',
        title: 'shipments',
        icon: <CarOutlined />,
        access: Access.shipmentsRead,
        page: () => import('./pages/orders/shipments'),
      },
      {
        path: '/orders/shipments/new',
        title: 'shipmentCreate',
        icon: <CarryOutOutlined />,
        access: Access.shipmentsManage,
        page: () => import('./pages/orders/shipment-create'),
      },
      {
        path: '/orders/shipments/:id/note',
        title: 'deliveryNote',
        access: Access.shipmentsRead,
        hideInMenu: true,
        page: () => import('./pages/orders/delivery-note'),
      },
      {
        path: '/orders/shipments/:id',
        title: 'shipmentDetail',
        access: Access.shipmentsRead,
        hideInMenu: true,
        page: () => import('./pages/orders/shipment-detail'),
      },
      {
        path: '/orders/delivery-runs',
        title: 'deliveryRuns',
        icon: <NodeIndexOutlined />,
        access: Access.shipmentsRead,
        page: () => import('./pages/orders/delivery-runs'),
      },
      // After the fixed paths: the menu's breadcrumb matches in this order.
      {
        path: '/orders/:id',
        title: 'orderDetail',
        access: Access.ordersRead,
        hideInMenu: true,
        page: () => import('./pages/orders/detail'),
      },
    ],
  },
  {
    path: '/inventory',
    title: 'inventory',
    icon: <DatabaseOutlined />,
    children: [
      {
        path: '/inventory/stock',
        title: 'inventoryStock',
        icon: <InboxOutlined />,
        access: Access.inventoryRead,
        page: () => import('./pages/inventory/stock'),
      },
      {
        path: '/inventory/stocktakes',
        title: 'stocktakes',
        icon: <ReconciliationOutlined />,
        access: Access.inventoryRead,
        page: () => import('./pages/inventory/stocktakes'),
      },
      {
        path: '/inventory/stocktakes/:id',
        title: 'stocktakeDetail',
        access: Access.inventoryRead,
        hideInMenu: true,
        page: () => import('./pages/inventory/stocktake'),
      },
      {
        path: '/inventory/warehouses',
        title: 'warehouses',
        icon: <ShopOutlined />,
        access: Access.inventoryRead,
        page: () => import('./pages/inventory/warehouses'),
      },
    ],
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
