// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): documents rendered as XML and JSON,
// W3C datetimes, form bodies, and how our order states read as Open311 statuses.

export { type Document, type Fields, List, toJson, toXml, type Value } from './document.ts';
export { attributesOf, type FormFields, malformedAttributeNames, parseForm } from './form.ts';
export {
  CLOSED_STATES,
  detailedStatus,
  isPublicStep,
  noteType,
  type Open311Status,
  open311Status,
  publicText,
  statesFor,
  updateStatus,
} from './status.ts';
export { formatW3c, parseW3c } from './w3c-time.ts';
