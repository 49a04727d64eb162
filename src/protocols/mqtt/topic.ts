// Topics of the MQTT ingest: `<prefix>/devices/<identifier>/positions`, one level per part, so
// the `+` wildcard of the subscription matches exactly the device identifier (MQTT 5.0 §4.7.1.3).

/** The subscription filter for every device's positions under `prefix` (default `zhongshu`). */
export function positionsTopic(prefix: string): string {
  return `${prefix}/devices/+/positions`;
}

/** The device identifier of a positions topic under `prefix`, or undefined when the topic is not one. */
export function deviceOfTopic(topic: string, prefix: string): string | undefined {
  const head = `${prefix}/devices/`;
  const tail = '/positions';
  if (!topic.startsWith(head) || !topic.endsWith(tail)) return undefined;
  const id = topic.slice(head.length, topic.length - tail.length);
  return id === '' || id.includes('/') ? undefined : id;
}
