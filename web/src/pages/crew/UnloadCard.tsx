import { type FormEvent, useCallback, useState } from 'react';
import { uploadPhoto } from '../../api/attachments.ts';
import { fetchDocks, fetchUnloads, logUnload } from '../../api/duty.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatTime, shanghaiDay, shanghaiDayRange } from '../../time.ts';

/** Log an unload of the boat (tonnes, dock, an optional photo) and list today's. */
export function UnloadCard({ assetId }: { assetId: string }) {
  const { t } = useI18n();
  const docks = useAsync(useCallback((signal: AbortSignal) => fetchDocks(signal), []));
  const today = useAsync(
    useCallback(
      (signal: AbortSignal) =>
        fetchUnloads({ assetId, ...shanghaiDayRange(shanghaiDay(Date.now())) }, signal),
      [assetId],
    ),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dockName = (id: string | null) => docks.data?.find((d) => d.id === id)?.name ?? '—';

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const photo = data.get('photo');
    setBusy(true);
    setError(null);
    try {
      const photoId = photo instanceof File && photo.size > 0 ? (await uploadPhoto(photo)).id : undefined;
      const dockId = String(data.get('dockId') ?? '') || undefined;
      await logUnload({
        assetId,
        at: new Date().toISOString(),
        tonnes: Number(data.get('tonnes')),
        dockId,
        photoId,
      });
      form.reset();
      today.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card crew-card" data-testid="unload-card">
      <h2>{t('crew.unload')}</h2>
      <form className="crew-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('crew.tonnes')}
          <input name="tonnes" type="number" inputMode="decimal" min="0.01" max="20" step="0.01" required />
        </label>
        <label>
          {t('crew.dock')}
          <select name="dockId" data-testid="unload-dock">
            <option value="">{t('crew.dockByPosition')}</option>
            {(docks.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('crew.photo')}
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('crew.logUnload')}
        </button>
      </form>
      <ErrorNotice error={error ?? docks.error ?? today.error} />
      <h3>{t('crew.todayUnloads')}</h3>
      {(today.data?.items ?? []).length === 0 ? (
        <p className="empty">{t('crew.noUnloads')}</p>
      ) : (
        <ul className="crew-today" data-testid="unload-list">
          {today.data?.items.map((u) => (
            <li key={u.id}>
              <strong>{u.tonnes} t</strong>
              <span>
                {formatTime(u.at)} · {dockName(u.dockId)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
