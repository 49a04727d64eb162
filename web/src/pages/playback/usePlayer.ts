import { useEffect, useState } from 'react';

const TICK_MS = 100;

/**
 * The replay's clock over [start, end] (epoch ms): the slider's time, play/pause and the rate
 * (1× … 300×). Playing stops at the end; a new day starts again at its beginning.
 */
export function usePlayer(start: number, end: number) {
  const [time, setTime] = useState(start);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(60);

  useEffect(() => {
    setTime(start);
    setPlaying(false);
  }, [start]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setTime((t) => {
        const next = Math.min(end, t + TICK_MS * rate);
        if (next >= end) setPlaying(false);
        return next;
      });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, rate, end]);

  const toggle = () => {
    if (!playing && time >= end) setTime(start);
    setPlaying(!playing);
  };

  return { time: Math.min(Math.max(time, start), end), setTime, playing, toggle, rate, setRate };
}
