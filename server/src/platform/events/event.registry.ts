import type { Tx } from '../db/database.js';

export interface DomainEvent<P = Record<string, unknown>> {
  id: number;
  type: string;
  payload: P;
  createdAt: Date;
}

export interface Subscription<P = Record<string, unknown>> {
  /** Stable name of the consumer, e.g. 'targets.expense-claims'; deliveries are remembered under it. */
  consumer: string;
  type: string;
  /** Runs inside the delivery's transaction: its effect commits together with the delivery mark, or not at all. */
  handle: (tx: Tx, event: DomainEvent<P>) => Promise<void>;
}

const registry = new Map<string, Subscription>();

/**
 * Modules subscribe at load time. A consumer has one handler per event type;
 * subscribing the same pair twice is a programming error. Returns the way to
 * unsubscribe (tests).
 */
export function subscribe<P = Record<string, unknown>>(subscription: Subscription<P>): () => void {
  const key = `${subscription.consumer}\u0000${subscription.type}`;
  if (registry.has(key)) throw new Error(`${subscription.consumer} already subscribes to ${subscription.type}`);
  registry.set(key, subscription as unknown as Subscription);
  return () => {
    registry.delete(key);
  };
}

export function subscriptions(): Subscription[] {
  return [...registry.values()];
}
