import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** Surrogate keys are 64-bit identities, handed to JavaScript as numbers (safe up to 2^53). */
export const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
export const ref = (name: string) => bigint(name, { mode: 'number' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Money in fen (CNY minor units): never a float. */
export const fen = (name: string) => bigint(name, { mode: 'number' });
