import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/pages/sign-in-page';
import { HomePage } from '../features/home/pages/home-page';
import { FirstRunGate } from '../features/sync/components/first-run-gate';
import { PageLoader, RequireAuth, RequirePermission } from './guards';
import { NotFoundPage } from './not-found-page';
import { Providers } from './providers';
import { Shell } from './shell';

// Admin pages are loaded when first visited, so the sign-in page stays small.
const UsersPage = lazy(() =>
  import('../features/admin-users/pages/users-page').then((m) => ({ default: m.UsersPage })),
);
const RolesPage = lazy(() =>
  import('../features/admin-roles/pages/roles-page').then((m) => ({ default: m.RolesPage })),
);
const TokensPage = lazy(() =>
  import('../features/admin-tokens/pages/tokens-page').then((m) => ({ default: m.TokensPage })),
);
const NodesPage = lazy(() => import('../features/sync/pages/nodes-page').then((m) => ({ default: m.NodesPage })));
const BundlesPage = lazy(() => import('../features/sync/pages/bundles-page').then((m) => ({ default: m.BundlesPage })));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page').then((m) => ({ default: m.AuditPage })));
const DirectoryPage = lazy(() =>
  import('../features/directory/pages/directory-page').then((m) => ({ default: m.DirectoryPage })),
);
const DirectoryImportPage = lazy(() =>
  import('../features/directory/pages/directory-import-page').then((m) => ({ default: m.DirectoryImportPage })),
);
const UnitPage = lazy(() => import('../features/directory/pages/unit-page').then((m) => ({ default: m.UnitPage })));
const PersonPage = lazy(() =>
  import('../features/directory/pages/person-page').then((m) => ({ default: m.PersonPage })),
);
const DirectoryPrintPage = lazy(() =>
  import('../features/directory/pages/directory-print-page').then((m) => ({ default: m.DirectoryPrintPage })),
);
const OrderSuppliesPage = lazy(() =>
  import('../features/supplies/pages/order-supplies-page').then((m) => ({ default: m.OrderSuppliesPage })),
);
const OrdersPage = lazy(() =>
  import('../features/supplies/pages/orders-page').then((m) => ({ default: m.OrdersPage })),
);
const OrderPage = lazy(() => import('../features/supplies/pages/order-page').then((m) => ({ default: m.OrderPage })));
const OrderPrintPage = lazy(() =>
  import('../features/supplies/pages/order-print-page').then((m) => ({ default: m.OrderPrintPage })),
);
const HubQueuePage = lazy(() =>
  import('../features/supplies/pages/hub-queue-page').then((m) => ({ default: m.HubQueuePage })),
);
const CatalogAdminPage = lazy(() =>
  import('../features/supplies/pages/catalog-admin-page').then((m) => ({ default: m.CatalogAdminPage })),
);
const WebhooksPage = lazy(() =>
  import('../features/supplies/pages/webhooks-page').then((m) => ({ default: m.WebhooksPage })),
);
const VisitorsPage = lazy(() =>
  import('../features/visitors/pages/visitors-page').then((m) => ({ default: m.VisitorsPage })),
);
const ReceptionPage = lazy(() =>
  import('../features/visitors/pages/reception-page').then((m) => ({ default: m.ReceptionPage })),
);
const EvacuationPage = lazy(() =>
  import('../features/visitors/pages/evacuation-page').then((m) => ({ default: m.EvacuationPage })),
);
const VisitorsAdminPage = lazy(() =>
  import('../features/visitors/pages/visitors-admin-page').then((m) => ({ default: m.VisitorsAdminPage })),
);
const InvitationsPage = lazy(() =>
  import('../features/visitors/pages/invitations-page').then((m) => ({ default: m.InvitationsPage })),
);
const DeskPage = lazy(() => import('../features/desk/pages/desk-page').then((m) => ({ default: m.DeskPage })));
const IncidentPage = lazy(() =>
  import('../features/desk/pages/incident-page').then((m) => ({ default: m.IncidentPage })),
);
const MyIncidentsPage = lazy(() =>
  import('../features/desk/pages/my-incidents-page').then((m) => ({ default: m.MyIncidentsPage })),
);
const BoardsPage = lazy(() => import('../features/desk/boards/boards-page').then((m) => ({ default: m.BoardsPage })));
const BoardPage = lazy(() => import('../features/desk/boards/board-page').then((m) => ({ default: m.BoardPage })));
const KioskPage = lazy(() => import('../features/visitors/pages/kiosk-page').then((m) => ({ default: m.KioskPage })));

/** An order is the ordering unit's and the hub staff's alike. */
const ORDER_READERS = ['supplies.order', 'supplies.manage'];
/** Staff invite their own guests; reception sees and withdraws anyone's invitations. */
const INVITERS = ['visitors.invite', 'visitors.reception'];
const SlaPage = lazy(() => import('../features/desk/sla/sla-page').then((m) => ({ default: m.SlaPage })));
const NotificationPreferencesPage = lazy(() =>
  import('../features/desk/notifications/notification-preferences-page').then((m) => ({
    default: m.NotificationPreferencesPage,
  })),
);
const DESK_READERS = ['desk.agent', 'desk.request'];
const ProblemListPage = lazy(() =>
  import('../features/desk/problems/problem-list-page').then((m) => ({ default: m.ProblemListPage })),
);
const ProblemPage = lazy(() =>
  import('../features/desk/problems/problem-page').then((m) => ({ default: m.ProblemPage })),
);
const ProblemRulesPage = lazy(() =>
  import('../features/desk/problems/problem-rules-page').then((m) => ({ default: m.ProblemRulesPage })),
);
// The dashboard brings the chart library: it loads only here.
const DeskDashboardPage = lazy(() =>
  import('../features/desk/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const DeskSettingsPage = lazy(() =>
  import('../features/desk/settings/settings-page').then((m) => ({ default: m.DeskSettingsPage })),
);

// The shop's own pages for customers (cart, checkout, account) and its back office: each loads only when visited.
const ShopRoutes = lazy(() => import('../features/shop/shop-routes').then((m) => ({ default: m.ShopRoutes })));
const CommerceAdminRoutes = lazy(() =>
  import('../features/commerce-admin/commerce-admin-routes').then((m) => ({ default: m.CommerceAdminRoutes })),
);
const COMMERCE_STAFF = ['commerce.catalog', 'commerce.orders', 'commerce.marketing', 'commerce.reports'];
const CrmRoutes = lazy(() => import('../features/crm/crm-routes').then((m) => ({ default: m.CrmRoutes })));

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <FirstRunGate>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            {/* The shop's customer pages: public, with the shop's own header instead of the staff shell. */}
            <Route
              path="/shop/*"
              element={
                <Suspense fallback={<PageLoader />}>
                  <ShopRoutes />
                </Suspense>
              }
            />
            {/* The guest kiosk is public and full screen: no sign-in, no staff navigation. */}
            <Route
              path="/kiosk"
              element={
                <Suspense fallback={<PageLoader />}>
                  <KioskPage />
                </Suspense>
              }
            />
            <Route
              element={
                <RequireAuth>
                  <Shell />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="directory"
                element={
                  <RequirePermission permission="directory.read">
                    <DirectoryPage />
                  </RequirePermission>
                }
              />
              <Route
                path="directory/import"
                element={
                  <RequirePermission permission="directory.write">
                    <DirectoryImportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="directory/units/:id"
                element={
                  <RequirePermission permission="directory.read">
                    <UnitPage />
                  </RequirePermission>
                }
              />
              <Route
                path="directory/people/:id"
                element={
                  <RequirePermission permission="directory.read">
                    <PersonPage />
                  </RequirePermission>
                }
              />
              <Route
                path="directory/print"
                element={
                  <RequirePermission permission="directory.read">
                    <DirectoryPrintPage />
                  </RequirePermission>
                }
              />
              <Route path="supplies" element={<Navigate to="/supplies/new" replace />} />
              <Route
                path="supplies/new"
                element={
                  <RequirePermission permission="supplies.order">
                    <OrderSuppliesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="supplies/orders"
                element={
                  <RequirePermission permission={ORDER_READERS}>
                    <OrdersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="supplies/orders/:id"
                element={
                  <RequirePermission permission={ORDER_READERS}>
                    <OrderPage />
                  </RequirePermission>
                }
              />
              <Route
                path="supplies/orders/:id/print"
                element={
                  <RequirePermission permission={ORDER_READERS}>
                    <OrderPrintPage />
                  </RequirePermission>
                }
              />
              <Route
                path="supplies/queue"
                element={
                  <RequirePermission permission="supplies.manage">
                    <HubQueuePage />
                  </RequirePermission>
                }
              />
              <Route
                path="supplies/catalog"
                element={
                  <RequirePermission permission="supplies.manage">
                    <CatalogAdminPage />
                  </RequirePermission>
                }
              />
              <Route
                path="supplies/webhooks"
                element={
                  <RequirePermission permission="supplies.manage">
                    <WebhooksPage />
                  </RequirePermission>
                }
              />
              <Route
                path="visitors"
                element={
                  <RequirePermission permission="visitors.reception">
                    <VisitorsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="visitors/reception"
                element={
                  <RequirePermission permission="visitors.reception">
                    <ReceptionPage />
                  </RequirePermission>
                }
              />
              <Route
                path="visitors/evacuation"
                element={
                  <RequirePermission permission="visitors.reception">
                    <EvacuationPage />
                  </RequirePermission>
                }
              />
              <Route
                path="visitors/admin"
                element={
                  <RequirePermission permission="visitors.admin">
                    <VisitorsAdminPage />
                  </RequirePermission>
                }
              />
              <Route
                path="visitors/invitations"
                element={
                  <RequirePermission permission={INVITERS}>
                    <InvitationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk"
                element={
                  <RequirePermission permission="desk.agent">
                    <DeskPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/problems"
                element={
                  <RequirePermission permission="desk.agent">
                    <ProblemListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/problems/rules"
                element={
                  <RequirePermission permission="desk.admin">
                    <ProblemRulesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/problems/:id"
                element={
                  <RequirePermission permission="desk.agent">
                    <ProblemPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/dashboard"
                element={
                  <RequirePermission permission="desk.agent">
                    <DeskDashboardPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/settings"
                element={
                  <RequirePermission permission="desk.admin">
                    <DeskSettingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/sla"
                element={
                  <RequirePermission permission="desk.admin">
                    <SlaPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/notifications"
                element={
                  <RequirePermission permission={DESK_READERS}>
                    <NotificationPreferencesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/my"
                element={
                  <RequirePermission permission="desk.request">
                    <MyIncidentsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/boards"
                element={
                  <RequirePermission permission="desk.agent">
                    <BoardsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/boards/:id"
                element={
                  <RequirePermission permission="desk.agent">
                    <BoardPage />
                  </RequirePermission>
                }
              />
              <Route
                path="desk/incidents/:id"
                element={
                  <RequirePermission permission={DESK_READERS}>
                    <IncidentPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/users"
                element={
                  <RequirePermission permission="admin.users">
                    <UsersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/roles"
                element={
                  <RequirePermission permission="admin.roles">
                    <RolesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/tokens"
                element={
                  <RequirePermission permission="admin.tokens">
                    <TokensPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/audit"
                element={
                  <RequirePermission permission="admin.audit">
                    <AuditPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/nodes"
                element={
                  <RequirePermission permission="admin.sync">
                    <NodesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/bundles"
                element={
                  <RequirePermission permission="admin.sync">
                    <BundlesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="commerce/*"
                element={
                  <RequirePermission permission={COMMERCE_STAFF}>
                    <Suspense fallback={<PageLoader />}>
                      <CommerceAdminRoutes />
                    </Suspense>
                  </RequirePermission>
                }
              />
              <Route
                path="crm/*"
                element={
                  <RequirePermission permission="crm.read">
                    <Suspense fallback={<PageLoader />}>
                      <CrmRoutes />
                    </Suspense>
                  </RequirePermission>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </FirstRunGate>
      </BrowserRouter>
    </Providers>
  );
}
