/** @candor/core: reusable-verification tokens and the shared Candor data models. */
export * from './models/index.js';
