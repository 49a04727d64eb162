// The shape bench/fuzz drives for every protocol that has a fuzz corpus: seeded inputs, a decoder,
// and the cost of merely copying an input (the raw limit the throughput is compared with).

/** A protocol's fuzz corpus and the decoding it exercises. */
export interface FuzzTarget<Input> {
  /** The default seed, so that a run (and a failure) replays. */
  seed: number;
  /** One input drawn from the seeded generator `rand`. */
  input(rand: () => number): Input;
  /**
   * A fresh decoder (a framer keeps state between inputs) that names each outcome through
   * `tally`: a message kind or an error reason. It must never throw.
   */
  decoder(): { decode(input: Input, tally: (outcome: string) => void): void };
  /** Copies an input, as the raw limit's unit of work. */
  copy(input: Input): unknown;
}
