/** What a device may be mounted on or carried by (作业对象): a boat, a crew on foot, a vehicle. */
export const ASSET_KINDS = ['boat', 'crew', 'vehicle'] as const;

/** One of ASSET_KINDS. */
export type AssetKind = (typeof ASSET_KINDS)[number];
