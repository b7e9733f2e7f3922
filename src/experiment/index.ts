export * from './types';
export * from './limits';
export * from '../optim/optimizers/params';
export * from './defaults';
export * from './parse';
export * from './link';
