export * from './audit.js';
export * from './common.js';
export * from './directory.js';
export * from './directory-import.js';
export * from './identity.js';
export * from './supplier-webhooks.js';
export * from './supplies.js';
export * from './sync.js';
