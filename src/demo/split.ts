import type { CellRect } from './lattice.ts';

/** Reading order on a map: northern blocks first, then west to east. */
function readingOrder(a: CellRect, b: CellRect): number {
  return b.row + b.h - (a.row + a.h) || a.col - b.col;
}

/** Cuts a block in two across its longer side; `pick` breaks ties and chooses which part gets an odd cell. */
function halve(r: CellRect, pick: () => number): [CellRect, CellRect] {
  const acrossColumns = r.w > r.h || (r.w === r.h && pick() < 0.5);
  const half = (n: number) => (pick() < 0.5 ? Math.floor(n / 2) : Math.ceil(n / 2));
  if (acrossColumns) {
    const w = half(r.w);
    return [
      { ...r, w },
      { ...r, col: r.col + w, w: r.w - w },
    ];
  }
  const h = half(r.h);
  return [
    { ...r, h },
    { ...r, row: r.row + h, h: r.h - h },
  ];
}

/**
 * Splits a block into three: halves, then one half halved again. Guillotine cuts keep every
 * part a rectangle of whole cells, so the parts tile the block by construction.
 */
export function splitInThree(r: CellRect, pick: () => number): CellRect[] {
  if (r.w * r.h < 3) throw new RangeError(`a ${r.w}×${r.h} block cannot hold three parts`);
  const [a, b] = halve(r, pick);
  const splitFirst = a.w * a.h >= 2 && (b.w * b.h < 2 || pick() < 0.5);
  const parts = splitFirst ? [...halve(a, pick), b] : [a, ...halve(b, pick)];
  return parts.sort(readingOrder);
}

function divisors(n: number): number[] {
  return [1, 2, 3, 4].filter((d) => n % d === 0);
}

/**
 * Splits a block into 2–4 equal rectangles (whole cells each): `across` pieces along the
 * columns and `down` along the rows, chosen by `pick` among the splits that divide evenly.
 */
export function splitIntoGrids(r: CellRect, pick: () => number): CellRect[] {
  const options: [number, number][] = [];
  for (const across of divisors(r.w)) {
    for (const down of divisors(r.h)) {
      if (across * down >= 2 && across * down <= 4) options.push([across, down]);
    }
  }
  const choice = options[Math.floor(pick() * options.length)];
  if (!choice) throw new RangeError(`a ${r.w}×${r.h} block cannot be split into 2–4 equal grids`);
  const [across, down] = choice;
  const w = r.w / across;
  const h = r.h / down;
  const parts: CellRect[] = [];
  for (let a = 0; a < across; a++) {
    for (let d = 0; d < down; d++) parts.push({ col: r.col + a * w, row: r.row + d * h, w, h });
  }
  return parts.sort(readingOrder);
}
