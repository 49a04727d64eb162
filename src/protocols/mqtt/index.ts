// JSON positions over MQTT: a topic names the device, the payload carries one fix or an array.

export { parsePositions } from './positions.ts';
export { deviceOfTopic, positionsTopic } from './topic.ts';
export type * from './types.ts';
