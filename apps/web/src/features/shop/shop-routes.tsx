// STUB by the lead: the shop SPA helper owns this folder.
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/not-found-page';

/** The shop's customer pages under /shop: cart, checkout, order, account. */
export function ShopRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
