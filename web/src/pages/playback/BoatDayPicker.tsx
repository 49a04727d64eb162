import { useEffect } from 'react';
import { type Asset, fetchAssetDevices } from '../../api/tracks.ts';
import { useI18n } from '../../i18n/context.tsx';
import { shanghaiDay } from '../../time.ts';

export interface BoatDayPickerProps {
  boats: readonly Asset[];
  assetId: string | null;
  day: string;
  onSelect(assetId: string, day: string): void;
}

/** The boat and the Shanghai day to replay; a boat picked without a day opens its last day out. */
export function BoatDayPicker({ boats: list, assetId, day, onSelect }: BoatDayPickerProps) {
  const { t } = useI18n();

  // No boat chosen yet: the first one.
  const first = list[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list arrives, pickBoat reads only props
  useEffect(() => {
    if (!assetId && first) {
      // Left before the boat's devices came back (another page opened): stay there.
      const left = { current: false };
      void pickBoat(first, left);
      return () => {
        left.current = true;
      };
    }
  }, [assetId, first]);

  async function pickBoat(id: string, left = { current: false }) {
    // The day of the boat's latest fix, so that a boat idle today still shows its last day out.
    let next = shanghaiDay(Date.now());
    try {
      const times = (await fetchAssetDevices(id)).flatMap((d) =>
        d.lastPosition ? [d.lastPosition.time] : [],
      );
      const latest = times.sort().at(-1);
      if (latest) next = shanghaiDay(latest);
    } catch {
      // Without its devices the boat opens on today.
    }
    // Only while the playback page is still the one open: a user who went on to another page
    // before the devices came back stays there (the cleanup may run after a slow answer lands).
    if (!left.current && window.location.hash.startsWith('#/playback')) onSelect(id, next);
  }

  return (
    <div className="playback-picker">
      <label>
        {t('playback.boat')}
        <select
          data-testid="playback-boat"
          value={assetId ?? ''}
          onChange={(e) => void pickBoat(e.target.value)}
        >
          {!assetId && <option value="">{t('app.loading')}</option>}
          {list.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('playback.day')}
        <input
          type="date"
          data-testid="playback-day"
          value={day}
          onChange={(e) => assetId && e.target.value && onSelect(assetId, e.target.value)}
        />
      </label>
    </div>
  );
}
