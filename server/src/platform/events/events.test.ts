import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import type { Database } from '../db/database.js';
import { selectRows } from '../db/raw.js';
import { fullPassSchedule } from './event.dispatcher.js';
import { dispatchPendingEvents, emitEvent, subscribe } from './index.js';

let database: Database;
const unsubscribes: (() => void)[] = [];
const quiet = { warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`CREATE TABLE test_effects (event_id bigint NOT NULL, consumer text NOT NULL)`);
});
afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
});
afterAll(() => database.close());

/** A consumer whose effect is a row in test_effects, written in the delivery's transaction. */
function recordingConsumer(consumer: string, type: string, before?: () => void) {
  unsubscribes.push(
    subscribe({
      consumer,
      type,
      handle: async (tx, event) => {
        await tx.execute(sql`INSERT INTO test_effects VALUES (${event.id}, ${consumer})`);
        before?.();
      },
    }),
  );
}

const emit = (type: string, payload: Record<string, unknown> = {}) => database.db.transaction((tx) => emitEvent(tx, type, payload));

async function effects(eventId: number) {
  return (
    await selectRows<{ consumer: string }>(
      database.db,
      sql`SELECT consumer FROM test_effects WHERE event_id = ${eventId} ORDER BY consumer`,
    )
  ).map((row) => row.consumer);
}

async function deliveries(eventId: number) {
  return (
    await selectRows<{ consumer: string }>(
      database.db,
      sql`SELECT consumer FROM event_deliveries WHERE event_id = ${eventId} ORDER BY consumer`,
    )
  ).map((row) => row.consumer);
}

describe('outbox delivery (platform/events)', () => {
  it('delivers an event exactly once even when two dispatch passes run at the same time', async () => {
    recordingConsumer('test.once', 'test.ping');
    const eventId = await emit('test.ping', { n: 1 });
    const counts = await Promise.all([dispatchPendingEvents(database.db), dispatchPendingEvents(database.db)]);
    expect(counts[0] + counts[1]).toBe(1);
    expect(await effects(eventId)).toEqual(['test.once']);
    expect(await dispatchPendingEvents(database.db)).toBe(0);
    expect(await effects(eventId)).toEqual(['test.once']);
  });

  it('retries a handler that throws: the delivery mark rolls back with its effect, the next pass delivers', async () => {
    let calls = 0;
    const warnings: unknown[] = [];
    recordingConsumer('test.flaky', 'test.flaky', () => {
      calls += 1;
      if (calls === 1) throw new Error('downstream unavailable');
    });
    const eventId = await emit('test.flaky');
    const log = { warn: (details: object) => warnings.push(details), error: () => undefined };
    expect(await dispatchPendingEvents(database.db, { log })).toBe(0);
    expect(await deliveries(eventId)).toEqual([]);
    expect(await effects(eventId)).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ eventId, consumer: 'test.flaky', attempts: 1 })]);
    expect(await dispatchPendingEvents(database.db, { log })).toBe(1);
    expect(await effects(eventId)).toEqual(['test.flaky']);
    expect(await deliveries(eventId)).toEqual(['test.flaky']);
  });

  it('keeps retrying a handler that always fails, and reports it as an error after five attempts', async () => {
    unsubscribes.push(
      subscribe({
        consumer: 'test.broken',
        type: 'test.broken',
        handle: async () => {
          throw new Error('bug');
        },
      }),
    );
    const eventId = await emit('test.broken');
    const levels: string[] = [];
    const log = { warn: () => levels.push('warn'), error: () => levels.push('error') };
    for (let pass = 0; pass < 6; pass++) await dispatchPendingEvents(database.db, { log });
    expect(levels).toEqual(['warn', 'warn', 'warn', 'warn', 'error', 'error']);
    expect(await deliveries(eventId)).toEqual([]);
  });

  it('gives every consumer of a type its own delivery', async () => {
    recordingConsumer('test.first', 'test.shared');
    const eventId = await emit('test.shared');
    expect(await dispatchPendingEvents(database.db, { log: quiet })).toBe(1);
    recordingConsumer('test.second', 'test.shared');
    expect(await dispatchPendingEvents(database.db, { log: quiet })).toBe(1);
    expect(await effects(eventId)).toEqual(['test.first', 'test.second']);
    expect(await deliveries(eventId)).toEqual(['test.first', 'test.second']);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    recordingConsumer('test.ghost', 'test.ghost');
    await expect(
      database.db.transaction(async (tx) => {
        await emitEvent(tx, 'test.ghost', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await dispatchPendingEvents(database.db, { log: quiet })).toBe(0);
  });

  it('a regular pass reads the last day only; a full pass delivers an older event too', async () => {
    recordingConsumer('test.late', 'test.late');
    const eventId = await emit('test.late');
    // Stands for an event of a transaction that ran longer than a day, or one whose handler kept failing that long.
    await database.db.execute(sql`UPDATE domain_events SET created_at = now() - interval '2 days' WHERE id = ${eventId}`);
    expect(await dispatchPendingEvents(database.db, { log: quiet, recentOnly: true })).toBe(0);
    expect(await effects(eventId)).toEqual([]);
    expect(await dispatchPendingEvents(database.db, { log: quiet })).toBe(1);
    expect(await effects(eventId)).toEqual(['test.late']);
    const recent = await emit('test.late');
    expect(await dispatchPendingEvents(database.db, { log: quiet, recentOnly: true })).toBe(1);
    expect(await effects(recent)).toEqual(['test.late']);
  });

  it('the background dispatcher reads everything on its first pass and then once an hour', () => {
    const schedule = fullPassSchedule(60 * 60 * 1000);
    const start = Date.parse('2026-11-23T08:00:00Z');
    expect(schedule.isFullPassDue(start)).toBe(true);
    schedule.fullPassDone(start);
    expect(schedule.isFullPassDue(start + 1000)).toBe(false);
    expect(schedule.isFullPassDue(start + 59 * 60 * 1000)).toBe(false);
    expect(schedule.isFullPassDue(start + 60 * 60 * 1000)).toBe(true);
  });

  it('refuses a second handler for the same consumer and type', () => {
    recordingConsumer('test.dup', 'test.dup');
    expect(() => subscribe({ consumer: 'test.dup', type: 'test.dup', handle: async () => undefined })).toThrow(/already subscribes/);
  });
});
