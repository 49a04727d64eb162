import { useCallback, useState } from 'react';
import { fetchCategories } from '../api/categories.ts';
import { type Duplicate, sourcesFor } from '../api/orders.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { navigateTo, useHashPath } from '../routing.ts';
import { useSignedIn } from '../session/context.tsx';
import { OrderDetail } from './orders/OrderDetail.tsx';
import { OrderList } from './orders/OrderList.tsx';
import { ReportForm } from './orders/ReportForm.tsx';
import { DirectoryContext, useDirectory } from './orders/useDirectory.ts';

/**
 * Work orders (工单): the list of the user's scope beside one order (`#/orders/<id>`) or the report
 * form (`#/orders/new`). Every role finds its job here: the centre registers and dispatches,
 * units sign and feed back, grid workers and residents report and follow. On a phone the list and
 * the order are two screens (`data-view`), the order's with a back button; both stay mounted so the
 * list keeps its filter, page and scroll.
 */
export function OrdersPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [, sub] = useHashPath();
  const directory = useDirectory();
  const categories = useAsync(useCallback((signal: AbortSignal) => fetchCategories(signal), []));
  const [refreshKey, setRefreshKey] = useState(0);
  const [created, setCreated] = useState<{ id: string; duplicates: Duplicate[] } | null>(null);
  const mayReport = sourcesFor(user.role).length > 0;
  const reporting = sub === 'new' && mayReport;
  const selectedId = sub && sub !== 'new' ? sub : null;
  const view = reporting || selectedId ? 'detail' : 'list';
  const changed = useCallback(() => setRefreshKey((k) => k + 1), []);
  const allCategories = categories.data ?? [];

  return (
    <DirectoryContext.Provider value={directory}>
      <div className="page page-orders" data-view={view}>
        <div className="page-head">
          <h1>{t('orders.title')}</h1>
          {mayReport && (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="report-open"
              onClick={() => navigateTo('orders', 'new')}
            >
              {t('orders.report')}
            </button>
          )}
        </div>
        <ErrorNotice error={categories.error} />
        <div className="orders-layout">
          <OrderList
            categories={allCategories}
            selectedId={selectedId}
            refreshKey={refreshKey}
            onOpen={(id) => navigateTo('orders', id)}
          />
          <div className="orders-side">
            {view === 'detail' && (
              <div className="back-bar">
                <button
                  type="button"
                  className="btn btn-ghost"
                  data-testid="back-to-list"
                  onClick={() => navigateTo('orders')}
                >
                  ← {t('orders.back')}
                </button>
              </div>
            )}
            {reporting ? (
              <ReportForm
                categories={allCategories.filter((c) => c.active)}
                onCancel={() => navigateTo('orders')}
                onCreated={(order, duplicates) => {
                  setCreated({ id: order.id, duplicates });
                  changed();
                  navigateTo('orders', order.id);
                }}
              />
            ) : selectedId ? (
              <OrderDetail
                key={selectedId}
                id={selectedId}
                duplicates={created?.id === selectedId ? created.duplicates : undefined}
                onChanged={changed}
                onClose={() => navigateTo('orders')}
              />
            ) : (
              <p className="card empty">{t('orders.pick')}</p>
            )}
          </div>
        </div>
      </div>
    </DirectoryContext.Provider>
  );
}
