// Every table of the field module, for the schema aggregate.
export * from './compliance.schema.js';
export * from './visit.schema.js';
export * from './work-log.schema.js';
