import type { ParseKeys } from 'i18next';

export interface NavigationItem {
  to: string;
  label: ParseKeys;
  /** Shown in the home page's list of what the user may use. */
  description: ParseKeys;
  permission: string | null;
  testId: string;
}

/** The shell shows an entry only when the user holds its permission; the server enforces the same. */
export const navigationItems: NavigationItem[] = [
  { to: '/', label: 'nav.home', description: 'home.title', permission: null, testId: 'nav-home' },
  {
    to: '/directory',
    label: 'directory.nav',
    description: 'directory.homeLink',
    permission: 'directory.read',
    testId: 'nav-directory',
  },
  {
    to: '/supplies/new',
    label: 'supplies.nav.order',
    description: 'supplies.homeLinks.order',
    permission: 'supplies.order',
    testId: 'nav-supplies',
  },
  {
    to: '/supplies/orders',
    label: 'supplies.nav.orders',
    description: 'supplies.homeLinks.orders',
    permission: 'supplies.order',
    testId: 'nav-supplies-orders',
  },
  {
    to: '/supplies/queue',
    label: 'supplies.nav.queue',
    description: 'supplies.homeLinks.queue',
    permission: 'supplies.manage',
    testId: 'nav-supplies-queue',
  },
  {
    to: '/supplies/catalog',
    label: 'supplies.nav.catalog',
    description: 'supplies.homeLinks.catalog',
    permission: 'supplies.manage',
    testId: 'nav-supplies-catalog',
  },
  {
    to: '/supplies/webhooks',
    label: 'supplies.webhooks.nav',
    description: 'supplies.webhooks.homeLink',
    permission: 'supplies.manage',
    testId: 'nav-supplies-webhooks',
  },
  {
    to: '/visitors',
    label: 'visitors.nav.panel',
    description: 'visitors.homeLinks.panel',
    permission: 'visitors.reception',
    testId: 'nav-visitors',
  },
  {
    to: '/visitors/reception',
    label: 'visitors.nav.reception',
    description: 'visitors.homeLinks.reception',
    permission: 'visitors.reception',
    testId: 'nav-visitors-reception',
  },
  {
    to: '/visitors/invitations',
    label: 'visitors.nav.invitations',
    description: 'visitors.homeLinks.invitations',
    permission: 'visitors.invite',
    testId: 'nav-visitors-invitations',
  },
  {
    to: '/visitors/admin',
    label: 'visitors.nav.admin',
    description: 'visitors.homeLinks.admin',
    permission: 'visitors.admin',
    testId: 'nav-visitors-admin',
  },
  {
    to: '/desk',
    label: 'desk.nav',
    description: 'desk.homeLink',
    permission: 'desk.agent',
    testId: 'nav-desk',
  },
  {
    to: '/desk/problems',
    label: 'desk.problems.nav',
    description: 'desk.problems.homeLink',
    permission: 'desk.agent',
    testId: 'nav-desk-problems',
  },
  {
    to: '/desk/problems/rules',
    label: 'desk.problems.rules.nav',
    description: 'desk.problems.rules.homeLink',
    permission: 'desk.admin',
    testId: 'nav-desk-problem-rules',
  },
  {
    to: '/desk/dashboard',
    label: 'desk.dashboard.nav',
    description: 'desk.dashboard.homeLink',
    permission: 'desk.agent',
    testId: 'nav-desk-dashboard',
  },
  {
    to: '/desk/settings',
    label: 'desk.settings.nav',
    description: 'desk.settings.homeLink',
    permission: 'desk.admin',
    testId: 'nav-desk-settings',
  },
  {
    to: '/desk/sla',
    label: 'desk.sla.nav',
    description: 'desk.sla.homeLink',
    permission: 'desk.admin',
    testId: 'nav-desk-sla',
  },
  {
    to: '/desk/boards',
    label: 'desk.boards.nav',
    description: 'desk.boards.homeLink',
    permission: 'desk.agent',
    testId: 'nav-desk-boards',
  },
  {
    to: '/desk/my',
    label: 'desk.navMy',
    description: 'desk.homeLinkMy',
    permission: 'desk.request',
    testId: 'nav-desk-my',
  },
  {
    to: '/commerce/catalog',
    label: 'commerce.nav.catalog',
    description: 'commerce.homeLinks.catalog',
    permission: 'commerce.catalog',
    testId: 'nav-commerce-catalog',
  },
  {
    to: '/commerce/orders',
    label: 'commerce.nav.orders',
    description: 'commerce.homeLinks.orders',
    permission: 'commerce.orders',
    testId: 'nav-commerce-orders',
  },
  {
    to: '/commerce/campaigns',
    label: 'commerce.nav.campaigns',
    description: 'commerce.homeLinks.campaigns',
    permission: 'commerce.marketing',
    testId: 'nav-commerce-campaigns',
  },
  {
    to: '/commerce/reports',
    label: 'commerce.nav.reports',
    description: 'commerce.homeLinks.reports',
    permission: 'commerce.reports',
    testId: 'nav-commerce-reports',
  },
  {
    to: '/admin/users',
    label: 'nav.users',
    description: 'home.links.users',
    permission: 'admin.users',
    testId: 'nav-users',
  },
  {
    to: '/admin/roles',
    label: 'nav.roles',
    description: 'home.links.roles',
    permission: 'admin.roles',
    testId: 'nav-roles',
  },
  {
    to: '/admin/tokens',
    label: 'nav.tokens',
    description: 'home.links.tokens',
    permission: 'admin.tokens',
    testId: 'nav-tokens',
  },
  {
    to: '/admin/nodes',
    label: 'nav.nodes',
    description: 'home.links.nodes',
    permission: 'admin.sync',
    testId: 'nav-nodes',
  },
  {
    to: '/admin/bundles',
    label: 'bundles.nav',
    description: 'bundles.homeLink',
    permission: 'admin.sync',
    testId: 'nav-bundles',
  },
  {
    to: '/admin/audit',
    label: 'nav.audit',
    description: 'home.links.audit',
    permission: 'admin.audit',
    testId: 'nav-audit',
  },
];
