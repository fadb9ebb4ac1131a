export * from './account.enums.js';
export { accounts } from './account.schema.js';
