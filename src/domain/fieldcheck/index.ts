/**
 * Boats on a work order (事中, 事后): how far the sent boats are and when they may arrive, and
 * the field check — did a boat's track reach the order's point between sending and feedback.
 * Pure: tracks, events and time come in as arguments.
 */
export { type Approach, type ApproachFix, approachOf } from './approach.ts';
export { DEFAULT_FIELD_CHECK_RADIUS_M, MAX_JOIN_GAP_MS, type TrackReach, trackReach } from './reach.ts';
export { type FieldCheckWindow, fieldCheckWindow, type WindowEvent } from './window.ts';
