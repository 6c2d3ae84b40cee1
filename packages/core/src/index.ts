/** @candor/core: reusable-verification tokens and the shared Candor data models. */
export * from './models/index.js';
export * from './errors.js';
export * from './keys/index.js';
export * from './tokens/index.js';
export * from './consent/index.js';
