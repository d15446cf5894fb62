import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequirePermission } from '../../../app/guards';
import { NotFoundPage } from '../../../app/not-found-page';
import { CampaignsPage } from './pages/campaigns-page';
import { OrderPage } from './pages/order-page';
import { OrdersPage } from './pages/orders-page';
import { ReportsPage } from './pages/reports-page';
import { ShippingPage } from './pages/shipping-page';

const guard = (permission: string, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

/** Orders, shipping, reports and campaigns under /commerce: each area asks for its own permission. */
export function OperationsRoutes() {
  return (
    <Routes>
      <Route path="orders" element={guard('commerce.orders', <OrdersPage />)} />
      <Route path="orders/:id" element={guard('commerce.orders', <OrderPage />)} />
      <Route path="shipping" element={guard('commerce.orders', <ShippingPage />)} />
      <Route path="reports" element={guard('commerce.reports', <ReportsPage />)} />
      <Route path="campaigns" element={guard('commerce.marketing', <CampaignsPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
