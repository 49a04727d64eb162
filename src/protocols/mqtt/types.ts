// Shapes of the MQTT JSON codec. The payload schema is the platform's own (see README, "MQTT
// message schema"): { time, lat, lon, speed?, course?, altitude?, valid?, attributes? } or an
// array of those.

import type { Fix } from '../../domain/positions/fix.ts';

/** Why a whole message was refused: not JSON, neither an object nor an array, or too many fixes. */
export type MqttRefusal = 'json' | 'shape' | 'too_large';

/** One array element (or the single object, index 0) that could not be read, and why. */
export interface MqttItemProblem {
  index: number;
  message: string;
}

/** The fixes that could be read and the elements that could not; or why the message was refused whole. */
export type MqttParseResult =
  | { ok: true; fixes: Fix[]; problems: MqttItemProblem[] }
  | { ok: false; error: { reason: MqttRefusal; message: string } };
