// Byte-level damage shared by the binary protocols' fuzz corpora: frames damaged on the wire and
// random bytes. The bytes 0x7e and 0x7d (JT/T 808's delimiter and escape) are favoured; to GT06
// they are ordinary bytes. Deterministic for a given generator, so a failure replays from its seed.

type Rand = () => number;
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

/** `frame` damaged in one of several ways. */
export function mutate(frame: Uint8Array, rand: Rand): Uint8Array {
  const out = Uint8Array.from(frame);
  const at = int(rand, out.length);
  switch (int(rand, 6)) {
    case 0: // flip a bit
      out[at] = (out[at] ?? 0) ^ (1 << int(rand, 8));
      return out;
    case 1: // stray delimiter or escape byte
      out[at] = rand() < 0.5 ? 0x7e : 0x7d;
      return out;
    case 2: // cut short
      return out.subarray(0, at);
    case 3: // overwrite a run with random bytes
      for (let i = at; i < Math.min(out.length, at + 8); i++) out[i] = int(rand, 256);
      return out;
    case 4: {
      // splice two halves of itself
      const joined = new Uint8Array(at + (out.length - int(rand, out.length)));
      joined.set(out.subarray(0, at));
      joined.set(out.subarray(out.length - (joined.length - at)), at);
      return joined;
    }
    default: // delete one byte
      return Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1)]);
  }
}

/**
 * Random bytes with a random density (0–5 % each) of 0x7e and 0x7d, so that some inputs are
 * chopped into many tiny frames and others run past the size limit without a delimiter.
 */
export function randomBytes(rand: Rand, maxLength: number): Uint8Array {
  const out = new Uint8Array(int(rand, maxLength + 1));
  const flags = rand() < 0.3 ? 0 : rand() * 0.05;
  const escapes = flags + rand() * 0.05;
  for (let i = 0; i < out.length; i++) {
    const r = rand();
    out[i] = r < flags ? 0x7e : r < escapes ? 0x7d : int(rand, 256);
  }
  return out;
}
