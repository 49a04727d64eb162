import { useI18n } from '../../i18n/context.tsx';
import { formatTime } from '../../time.ts';
import { RATES } from './replay.ts';
import type { usePlayer } from './usePlayer.ts';

export interface PlayerControlsProps {
  start: number;
  end: number;
  player: ReturnType<typeof usePlayer>;
  follow: boolean;
  onFollow(follow: boolean): void;
}

/** The time slider, play/pause, the rate and follow mode. */
export function PlayerControls({ start, end, player, follow, onFollow }: PlayerControlsProps) {
  const { t } = useI18n();
  return (
    <div className="player" data-testid="player">
      <input
        type="range"
        className="player-slider"
        data-testid="playback-slider"
        aria-label={t('playback.time')}
        min={start}
        max={end}
        step={1000}
        value={player.time}
        onChange={(e) => player.setTime(Number(e.target.value))}
      />
      <div className="player-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="playback-play"
          aria-pressed={player.playing}
          onClick={player.toggle}
        >
          {t(player.playing ? 'playback.pause' : 'playback.play')}
        </button>
        <select
          className="player-rate"
          aria-label={t('playback.rate')}
          data-testid="playback-rate"
          value={player.rate}
          onChange={(e) => player.setRate(Number(e.target.value))}
        >
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
        <label className="player-follow">
          <input
            type="checkbox"
            data-testid="playback-follow"
            checked={follow}
            onChange={(e) => onFollow(e.target.checked)}
          />
          {t('playback.follow')}
        </label>
        <span className="player-span">
          {formatTime(start)} – {formatTime(end)}
        </span>
      </div>
    </div>
  );
}
