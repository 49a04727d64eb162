/** Photos (附件): upload, processing, and who may read them. This index is the feature's one entry. */
export * from './attachments.ts';
export * from './photo-processing.ts';
