/**
 * Boats on work orders (事中 · 事后): which boats an order sent (or considers), where they are and
 * when they may arrive, and the field check of their tracks before verifying. This index is the
 * feature's one entry.
 */
export { orderAssetsFor } from './approach.ts';
export { fieldCheckFor, fieldCheckSummaryOf } from './field-check.ts';
export { boatsOfOrder, namedAssetIds } from './sent.ts';
export { requireAssetsOfUnit } from './validate.ts';
