import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// maplibre-gl 6 is ESM-only: after a Vite build its worker must be pointed at explicitly, or the
// map fails with "Worker failed to load". The API serves .mjs as text/javascript for this.
setWorkerUrl(workerUrl);
