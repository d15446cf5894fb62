// STUB by the lead: the commerce admin helper owns this folder.
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/not-found-page';

/** The shop's back office under /commerce: catalog, orders, campaigns, reports. */
export function CommerceAdminRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
