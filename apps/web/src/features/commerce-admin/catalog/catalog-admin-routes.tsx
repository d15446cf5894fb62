import { Navigate, Route, Routes } from 'react-router';
import { RequirePermission } from '../../../app/guards';
import { NotFoundPage } from '../../../app/not-found-page';
import { useMayUse } from '../../auth/api/session';
import { CATALOG_KEEPERS, CatalogNav } from './components/catalog-nav';
import { AttributesPage } from './pages/attributes-page';
import { BrandsPage } from './pages/brands-page';
import { CategoriesPage } from './pages/categories-page';
import { CsvPage } from './pages/csv-page';
import { PriceListPage } from './pages/price-list-page';
import { PriceListsPage } from './pages/price-lists-page';
import { ProductEditorPage } from './pages/product-editor-page';
import { ProductsPage } from './pages/products-page';
import { StockPage } from './pages/stock-page';

const keepers = (element: React.ReactNode) => (
  <RequirePermission permission={CATALOG_KEEPERS}>{element}</RequirePermission>
);

/**
 * The catalog's back office under /commerce/catalog. The parent route lets in commerce.catalog and
 * commerce.marketing; marketing edits campaigns in the price lists, every other section is the catalog's keepers'.
 */
export function CatalogAdminRoutes() {
  const keeper = useMayUse(CATALOG_KEEPERS);
  return (
    <>
      <CatalogNav />
      <Routes>
        <Route index element={<Navigate to={keeper ? 'products' : 'price-lists'} replace />} />
        <Route path="products" element={keepers(<ProductsPage />)} />
        {/* "new" and an id share one route, so the editor stays on screen when a new product gets its id. */}
        <Route path="products/:productId" element={keepers(<ProductEditorPage />)} />
        <Route path="categories" element={keepers(<CategoriesPage />)} />
        <Route path="brands" element={keepers(<BrandsPage />)} />
        <Route path="attributes" element={keepers(<AttributesPage />)} />
        <Route path="price-lists" element={<PriceListsPage />} />
        <Route path="price-lists/:listId" element={<PriceListPage />} />
        <Route path="stock" element={keepers(<StockPage />)} />
        <Route path="csv" element={keepers(<CsvPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
