/** The audit trail (who changed what, when, from where). This index is the feature's one entry. */
export * from './audit.ts';
