import type { PointerEvent } from 'react';
import type { ReplayFix } from './replay.ts';

const W = 600;
const H = 120;
const PAD = 4;

export interface SpeedChartProps {
  fixes: readonly ReplayFix[];
  start: number;
  end: number;
  time: number;
  onSeek(time: number): void;
  label: string;
}

/** Speed over the day as a line, with the slider's time as a cursor; a tap or drag seeks. */
export function SpeedChart({ fixes, start, end, time, onSeek, label }: SpeedChartProps) {
  const span = Math.max(1, end - start);
  const top = Math.max(5, ...fixes.map((f) => f.speedKmh));
  const x = (t: number) => PAD + ((t - start) / span) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - (v / top) * (H - 2 * PAD);
  const path = fixes
    .map((f, i) => `${i === 0 ? 'M' : 'L'}${x(f.t).toFixed(1)},${y(f.speedKmh).toFixed(1)}`)
    .join('');
  const seek = (e: PointerEvent<SVGSVGElement>) => {
    if (e.type === 'pointermove' && e.buttons === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    onSeek(start + f * span);
  };
  return (
    <figure className="speed-chart" data-testid="speed-chart">
      <figcaption>{label}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        onPointerDown={seek}
        onPointerMove={seek}
      >
        <path d={path} fill="none" stroke="#36b3ff" strokeWidth="2" vectorEffect="non-scaling-stroke" />
        <line
          x1={x(time)}
          x2={x(time)}
          y1={0}
          y2={H}
          stroke="#ffd33d"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
          data-testid="speed-cursor"
        />
      </svg>
      <span className="speed-chart-top">{top.toFixed(0)} km/h</span>
    </figure>
  );
}
