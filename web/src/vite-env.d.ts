/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Comma-separated XYZ tile URL templates of an optional basemap. */
  readonly VITE_BASEMAP_TILES?: string;
  /** `WGS84` (default) or `GCJ02` (Amap, Tencent). */
  readonly VITE_BASEMAP_CRS?: string;
  readonly VITE_BASEMAP_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
