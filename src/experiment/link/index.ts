// The share-link codec and the JSON import/export: the public API of this folder.
export { encodeExperiment, type EncodeOptions } from './encode';
export { decodeExperiment, decodeExperimentDetailed, hashOf, MAX_LINK_LENGTH, type DecodedLink } from './decode';
export { exportExperimentJson, importExperimentJson, MAX_JSON_LENGTH, type ImportedExperiment } from './json';
export { CURRENT_LINK_VERSION, LINK_MIGRATIONS, migrateLink } from './migrations';
export type { DetailedProblem, LinkProblem } from './problems';
export { encodeLessonLink, readLessonLink, type LessonRef, type ReadLessonLink } from './lesson';
export { encodeEscape, readEscape } from './escape';
export { encodeCensus, readCensus } from './census';
export { encodeDimfig, readDimfig } from './dimfig';
export { encodePlane, readPlane } from './plane';
