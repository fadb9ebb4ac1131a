import type { Db, Executor } from '../db/database.js';
import { type BackgroundLog, consoleLog, createPoller, type Poller } from '../jobs/poller.js';
import { type DomainEvent, type Subscription, subscriptions } from './event.registry.js';
import { insertEvent, listUndelivered, markDelivered } from './event.repository.js';

/** After this many failed attempts a delivery is still retried, but logged as an error rather than a warning. */
const failuresBeforeError = 5;
const pollMs = 1000;

let emitted = 0;
const failures = new Map<string, number>();

/**
 * Writes a domain event into the outbox. Call it with the transaction of the
 * change it announces: the event exists exactly when the change does.
 */
export async function emitEvent(tx: Executor, type: string, payload: Record<string, unknown>): Promise<number> {
  const eventId = await insertEvent(tx, type, payload);
  emitted += 1;
  return eventId;
}

/** Counts emits in this process, so the server can dispatch right after a request that wrote events. */
export function eventsEmittedSoFar(): number {
  return emitted;
}

async function deliver(db: Executor, subscription: Subscription, event: DomainEvent, log: BackgroundLog): Promise<boolean> {
  const key = `${event.id}:${subscription.consumer}`;
  try {
    const delivered = await db.transaction(async (tx) => {
      if (!(await markDelivered(tx, event.id, subscription.consumer))) return false;
      await subscription.handle(tx, event);
      return true;
    });
    failures.delete(key);
    return delivered;
  } catch (error) {
    // The transaction rolled back with the delivery mark, so the next pass tries again.
    const attempts = (failures.get(key) ?? 0) + 1;
    failures.set(key, attempts);
    const details = { err: error, eventId: event.id, type: event.type, consumer: subscription.consumer, attempts };
    if (attempts >= failuresBeforeError) log.error(details, 'event handler keeps failing');
    else log.warn(details, 'event handler failed; will retry');
    return false;
  }
}

/**
 * One pass: every subscription gets the events of its type it has not
 * handled, each in its own transaction (a savepoint when given an open
 * transaction, as the demo seed does). Returns the number of deliveries made.
 */
export async function dispatchPendingEvents(
  db: Executor,
  options: { limit?: number; log?: BackgroundLog; recentOnly?: boolean } = {},
): Promise<number> {
  const limit = options.limit ?? 100;
  const log = options.log ?? consoleLog;
  let delivered = 0;
  const all = subscriptions();
  const pending = await listUndelivered(db, all, limit, options.recentOnly ?? false);
  // Subscription by subscription as registered, each in event order: the order deliveries always had.
  for (const subscription of all) {
    for (const event of pending) {
      if (event.type !== subscription.type || event.consumer !== subscription.consumer) continue;
      if (await deliver(db, subscription, event, log)) delivered += 1;
    }
  }
  return delivered;
}

/**
 * When a pass reads every event rather than the last day's: the first pass
 * (whatever waited while the server was down) and then once an hour. A day
 * back covers every event as soon as it commits, unless its transaction ran
 * for longer than a day; such events, and those whose handler has kept
 * failing for a day, wait for the next full pass.
 */
export function fullPassSchedule(everyMs = 60 * 60 * 1000) {
  let lastFullPassAt = Number.NEGATIVE_INFINITY;
  return {
    isFullPassDue: (now: number) => now - lastFullPassAt >= everyMs,
    fullPassDone: (at: number) => {
      lastFullPassAt = at;
    },
  };
}

/** The background dispatcher: a pass every second and after each request that emitted events, over the last day's events. */
export function createEventDispatcher(db: Db, log: BackgroundLog = consoleLog): Poller {
  const schedule = fullPassSchedule();
  return createPoller({
    intervalMs: pollMs,
    run: async () => {
      const startedAt = Date.now();
      const full = schedule.isFullPassDue(startedAt);
      const delivered = await dispatchPendingEvents(db, { log, recentOnly: !full });
      if (full) schedule.fullPassDone(startedAt);
      return delivered;
    },
    onError: (error) => log.error({ err: error }, 'event dispatch pass failed'),
  });
}
