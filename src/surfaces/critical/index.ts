// Critical-point search: the public API.
export { findCriticalPoints, searchCriticalPoints } from './findCriticalPoints';
export type { CriticalPoint, CriticalSearchOptions, CriticalSearchResult } from './types';
