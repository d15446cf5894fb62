import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/not-found-page';
import { ClientsPage } from './pages/clients-page';
import { MigrationPage } from './pages/migration-page';
import { OrdersPage } from './pages/orders-page';

/** The CRM under /crm: reading needs `crm.read` (checked by the route above); each page hides what more it needs. */
export function CrmRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="clients" replace />} />
      <Route path="clients" element={<ClientsPage />} />
      <Route path="orders" element={<OrdersPage />} />
      <Route path="migration" element={<MigrationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
