export * from './audit.js';
export * from './common.js';
export * from './identity.js';
export * from './sync.js';
