import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader, RequirePermission } from '../../app/guards';
import { NotFoundPage } from '../../app/not-found-page';

const CatalogAdminRoutes = lazy(() =>
  import('./catalog/catalog-admin-routes').then((m) => ({ default: m.CatalogAdminRoutes })),
);
const OperationsRoutes = lazy(() =>
  import('./operations/operations-routes').then((m) => ({ default: m.OperationsRoutes })),
);

/** The shop's back office under /commerce: each area asks for its own permission. */
export function CommerceAdminRoutes() {
  const area = (permission: string | string[], element: React.ReactNode) => (
    <RequirePermission permission={permission}>
      <Suspense fallback={<PageLoader />}>{element}</Suspense>
    </RequirePermission>
  );
  return (
    <Routes>
      <Route index element={<Navigate to="catalog" replace />} />
      {/* Marketing reaches the catalog's price lists (campaigns); the other sections check commerce.catalog. */}
      <Route path="catalog/*" element={area(['commerce.catalog', 'commerce.marketing'], <CatalogAdminRoutes />)} />
      <Route
        path="*"
        element={area(['commerce.orders', 'commerce.marketing', 'commerce.reports'], <OperationsRoutes />)}
      />
      <Route path="not-found" element={<NotFoundPage />} />
    </Routes>
  );
}
