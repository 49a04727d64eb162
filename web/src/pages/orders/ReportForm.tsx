import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { Category } from '../../api/categories.ts';
import {
  createOrder,
  type Duplicate,
  type NewOrder,
  type Order,
  type OrderSource,
  sourcesFor,
} from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { announceOrdersChanged } from '../../hooks/useOrdersChanged.ts';
import { useI18n } from '../../i18n/context.tsx';
import { enqueue, isOffline, outboxId } from '../../offline/outbox.ts';
import { useSignedIn } from '../../session/context.tsx';
import { OutboxList } from '../home/OutboxList.tsx';
import { CategoryPicker } from './CategoryPicker.tsx';
import { OutsideWarning } from './OutsideWarning.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { currentPosition } from './phonePosition.ts';
import { templateFor } from './reportTemplates.ts';

// The map library loads only when someone opens the form.
const PositionMap = lazy(() => import('./PositionMap.tsx').then((m) => ({ default: m.PositionMap })));

export interface ReportFormProps {
  categories: readonly Category[];
  onCreated(order: Order, duplicates: Duplicate[]): void;
  onCancel(): void;
}

/** 上报问题: category, description, address, position (typed or clicked on the map), photos. */
export function ReportForm({ categories, onCreated, onCancel }: ReportFormProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const sources = sourcesFor(user.role);
  const action = useAction();
  const [form, setForm] = useState({ categoryId: '', description: '', address: '', lat: '', lon: '' });
  const [source, setSource] = useState<OrderSource | undefined>(
    sources.length > 1 ? (sources.find((s) => s === 'hotline') ?? sources[0]) : undefined,
  );
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [queued, setQueued] = useState(false);
  const [held, setHeld] = useState<Blob[]>([]);
  const field = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  const pick = useCallback(
    (p: { lat: number; lon: number }) =>
      setForm((f) => ({ ...f, lat: p.lat.toFixed(6), lon: p.lon.toFixed(6) })),
    [],
  );
  // A category's template fills the description until the reporter writes their own.
  const pickCategory = useCallback(
    (categoryId: string) =>
      setForm((f) => {
        const before = templateFor(categories.find((c) => c.id === f.categoryId));
        const untouched = f.description.trim() === '' || f.description === before;
        const template = templateFor(categories.find((c) => c.id === categoryId));
        return { ...f, categoryId, description: untouched && categoryId ? template : f.description };
      }),
    [categories],
  );
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const locateMe = async () => {
    setLocating('busy');
    try {
      pick(await currentPosition());
      setLocating('idle');
    } catch {
      setLocating('failed');
    }
  };
  const position = useMemo(() => {
    const lat = Number.parseFloat(form.lat);
    const lon = Number.parseFloat(form.lon);
    return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
  }, [form.lat, form.lon]);

  return (
    <form
      className="report-form card form-grid"
      data-testid="report-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!position) return;
        const body: NewOrder = {
          categoryId: form.categoryId,
          description: form.description.trim(),
          ...(form.address.trim() && { address: form.address.trim() }),
          ...position,
          ...(source && { source }),
          ...(photos.length > 0 && { photos }),
        };
        // No signal: kept on the phone with the time it was made, sent when the connection returns.
        const keep = async () => {
          await enqueue({
            id: outboxId(),
            kind: 'report',
            userId: user.id,
            madeAt: new Date().toISOString(),
            label: categories.find((c) => c.id === form.categoryId)?.minorName ?? t('report.title'),
            body,
            ...(held.length > 0 && { photoBlobs: held }),
          });
          setForm({ categoryId: '', description: '', address: '', lat: '', lon: '' });
          setPhotos([]);
          setHeld([]);
          setQueued(true);
        };
        setQueued(false);
        if (!navigator.onLine || held.length > 0) {
          await keep();
          return;
        }
        let created: { order: Order; duplicates: Duplicate[] } | undefined;
        let offline = false;
        const ok = await action.run(
          async () => {
            try {
              created = await createOrder(body);
            } catch (error) {
              if (!isOffline(error)) throw error;
              offline = true;
            }
          },
          () => '',
        );
        if (offline) await keep();
        else if (ok && created) {
          announceOrdersChanged();
          onCreated(created.order, created.duplicates);
        }
      }}
    >
      <h2>{t('report.title')}</h2>
      <ErrorNotice error={action.error} />
      {queued && (
        <p className="notice" role="status" data-testid="report-queued">
          {t('report.queued')}
        </p>
      )}
      <OutboxList />
      <CategoryPicker categories={categories} value={form.categoryId} onChange={pickCategory} />
      <label>
        {t('report.description')}
        <textarea {...field('description')} rows={3} required maxLength={2000} />
      </label>
      <label>
        {t('report.address')}
        <input {...field('address')} maxLength={200} />
      </label>
      <div className="field-row">
        <label>
          {t('report.lat')}
          <input {...field('lat')} type="number" step="any" min={-90} max={90} required />
        </label>
        <label>
          {t('report.lon')}
          <input {...field('lon')} type="number" step="any" min={-180} max={180} required />
        </label>
      </div>
      <div className="form-buttons">
        <button
          type="button"
          className="btn"
          data-testid="use-my-location"
          disabled={locating === 'busy'}
          onClick={() => void locateMe()}
        >
          {t('report.useMyLocation')}
        </button>
        {locating === 'failed' && <span className="muted">{t('report.locationFailed')}</span>}
      </div>
      <OutsideWarning position={position} />
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <PositionMap position={position} onPick={pick} />
      </Suspense>
      {source && (
        <label>
          {t('report.source')}
          <select name="source" value={source} onChange={(e) => setSource(e.target.value as OrderSource)}>
            {sources.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <PhotoInput
        ids={photos}
        label={t('form.photos')}
        onChange={setPhotos}
        onUploading={setUploading}
        held={held}
        onHold={setHeld}
      />
      <div className="form-buttons">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="report-submit"
          disabled={action.busy || uploading || !position || form.categoryId === ''}
        >
          {t('report.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
