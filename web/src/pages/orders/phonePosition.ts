// gcoord's typings and its CommonJS build agree on the default object only; its `transform` is the converter.
import gcoord from 'gcoord';

/** Whether the page runs inside WeChat, whose positions (wx and the browser's) come in GCJ-02. */
export function isWeChat(userAgent: string): boolean {
  return userAgent.includes('MicroMessenger');
}

/**
 * A position the browser reported, in WGS-84 as the API stores it: inside WeChat it is GCJ-02
 * and is converted back; elsewhere it is WGS-84 already.
 */
export function toWgs84(
  position: { lat: number; lon: number },
  userAgent: string,
): { lat: number; lon: number } {
  if (!isWeChat(userAgent)) return position;
  const [lon, lat] = gcoord.transform([position.lon, position.lat], gcoord.GCJ02, gcoord.WGS84) as [
    number,
    number,
  ];
  return { lat, lon };
}

/** The phone's position once, in WGS-84; rejects when refused or not found in time. */
export function currentPosition(
  timeoutMs = 15_000,
): Promise<{ lat: number; lon: number; accuracyM: number }> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error('geolocation unavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          ...toWgs84({ lat: p.coords.latitude, lon: p.coords.longitude }, navigator.userAgent),
          accuracyM: p.coords.accuracy,
        }),
      reject,
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}
