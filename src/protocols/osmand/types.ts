// Shapes of the OsmAnd / Traccar Client HTTP protocol codec. The protocol has no formal
// specification; its reference is traccar's OsmAndProtocolDecoder (decodeQuery for GET query
// strings and form posts, decodeJson for the JSON body of Traccar Client and background-
// geolocation apps), which this codec follows unless a comment says otherwise.

/** One HTTP request as the transport hands it over: parsed query, raw or parsed body, Content-Type. */
export interface OsmAndRequest {
  query: Record<string, string | string[]>;
  body?: string | object;
  contentType?: string;
}

/** A position report in neutral form: WGS-84 degrees, UTC epoch ms, km/h; null where the client sent nothing. */
export interface OsmAndReport {
  deviceId: string;
  lat: number;
  lon: number;
  time: number;
  speedKmh: number | null;
  course: number | null;
  altitude: number | null;
  accuracy: number | null;
  valid: boolean;
  attributes: Record<string, unknown>;
}

/** Stable codes of a rejected request. */
export type OsmAndErrorCode =
  | 'MISSING_DEVICE_ID'
  | 'MISSING_POSITION'
  | 'INVALID_NUMBER'
  | 'OUT_OF_RANGE'
  | 'INVALID_TIMESTAMP'
  | 'MALFORMED_BODY';

/** Why a request was rejected; `message` tells the client what to send instead, `field` names the key at fault. */
export interface OsmAndError {
  code: OsmAndErrorCode;
  message: string;
  field?: string;
}

/** The outcome of parsing one request. */
export type OsmAndResult = { ok: true; report: OsmAndReport } | { ok: false; error: OsmAndError };

/** Unit of the query-string `speed` (traccar's `osmand.speed` setting); Traccar Client and OsmAnd send knots. */
export type OsmAndSpeedUnit = 'kn' | 'kmh' | 'mps' | 'mph';

/** Parser settings. */
export interface OsmAndOptions {
  /** Unit of the query/form `speed` key; default knots. The JSON format is always m/s. */
  speedUnit?: OsmAndSpeedUnit;
}
