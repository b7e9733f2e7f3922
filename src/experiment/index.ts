export * from './types';
export * from './limits';
export * from './optimizerParams';
export * from './defaults';
export * from './parse';
export * from './link';
