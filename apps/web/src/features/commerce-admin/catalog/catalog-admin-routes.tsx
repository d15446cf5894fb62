import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/not-found-page';
import { CatalogNav } from './components/catalog-nav';
import { AttributesPage } from './pages/attributes-page';
import { BrandsPage } from './pages/brands-page';
import { CategoriesPage } from './pages/categories-page';
import { CsvPage } from './pages/csv-page';
import { PriceListPage } from './pages/price-list-page';
import { PriceListsPage } from './pages/price-lists-page';
import { ProductEditorPage } from './pages/product-editor-page';
import { ProductsPage } from './pages/products-page';
import { StockPage } from './pages/stock-page';

/** The catalog's back office under /commerce/catalog (commerce.catalog, checked by the parent route). */
export function CatalogAdminRoutes() {
  return (
    <>
      <CatalogNav />
      <Routes>
        <Route index element={<Navigate to="products" replace />} />
        <Route path="products" element={<ProductsPage />} />
        {/* "new" and an id share one route, so the editor stays on screen when a new product gets its id. */}
        <Route path="products/:productId" element={<ProductEditorPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="brands" element={<BrandsPage />} />
        <Route path="attributes" element={<AttributesPage />} />
        <Route path="price-lists" element={<PriceListsPage />} />
        <Route path="price-lists/:listId" element={<PriceListPage />} />
        <Route path="stock" element={<StockPage />} />
        <Route path="csv" element={<CsvPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
