export { createEventDispatcher, dispatchPendingEvents, emitEvent, eventsEmittedSoFar } from './event.dispatcher.js';
export type { DomainEvent, Subscription } from './event.registry.js';
export { subscribe } from './event.registry.js';
export { domainEvents, eventDeliveries } from './events.schema.js';
