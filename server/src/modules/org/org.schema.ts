import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref, updatedAt } from '../../platform/db/columns.js';
import { dataScopeKinds, geographyKinds, ladderLevels, moveKinds, userStatuses } from './org.enums.js';

export const departments = pgTable(
  'departments',
  {
    id: id(),
    name: text('name').notNull(),
    parentId: ref('parent_id').references((): AnyPgColumn => departments.id),
    headUserId: ref('head_user_id').references((): AnyPgColumn => users.id),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('departments_parent_idx').on(t.parentId)],
);

export const geographies = pgTable(
  'geographies',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: geographyKinds }).notNull(),
    parentId: ref('parent_id').references((): AnyPgColumn => geographies.id),
    ownerUserId: ref('owner_user_id').references((): AnyPgColumn => users.id),
    provinces: text('provinces').array().notNull().default(sql`'{}'::text[]`),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('geographies_parent_idx').on(t.parentId), index('geographies_owner_idx').on(t.ownerUserId)],
);

export const positions = pgTable(
  'positions',
  {
    id: id(),
    name: text('name').notNull(),
    departmentId: ref('department_id')
      .notNull()
      .references(() => departments.id),
    superiorId: ref('superior_id').references((): AnyPgColumn => positions.id),
    ladder: text('ladder', { enum: ladderLevels }).notNull(),
    headcount: integer('headcount').notNull().default(1),
    duties: text('duties').notNull().default(''),
    dataScope: text('data_scope', { enum: dataScopeKinds }).notNull(),
    scopeDepartmentIds: ref('scope_department_ids').array().notNull().default(sql`'{}'::bigint[]`),
    scopeGeographyIds: ref('scope_geography_ids').array().notNull().default(sql`'{}'::bigint[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('positions_department_idx').on(t.departmentId),
    index('positions_superior_idx').on(t.superiorId),
    check('positions_headcount_check', sql`${t.headcount} >= 0`),
  ],
);

export const positionPermissions = pgTable(
  'position_permissions',
  {
    positionId: ref('position_id')
      .notNull()
      .references(() => positions.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.positionId, t.permission] })],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    mobile: text('mobile'),
    email: text('email'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    isAdmin: boolean('is_admin').notNull().default(false),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    positionId: ref('position_id').references(() => positions.id),
    geographyId: ref('geography_id').references(() => geographies.id),
    locale: text('locale', { enum: ['zh-CN', 'en'] }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_mobile_key').on(t.mobile),
    index('users_position_idx').on(t.positionId),
    index('users_geography_idx').on(t.geographyId),
  ],
);

/** ORG-6: every hire, promotion, transfer and departure, never rewritten. */
export const userMoves = pgTable(
  'user_moves',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: moveKinds }).notNull(),
    fromPositionId: ref('from_position_id').references(() => positions.id),
    toPositionId: ref('to_position_id').references(() => positions.id),
    fromGeographyId: ref('from_geography_id').references(() => geographies.id),
    toGeographyId: ref('to_geography_id').references(() => geographies.id),
    successorUserId: ref('successor_user_id').references(() => users.id),
    handover: jsonb('handover').$type<Record<string, number>>(),
    reason: text('reason').notNull().default(''),
    byUserId: ref('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_moves_user_idx').on(t.userId, t.at)],
);

/** ORG-5: one cell of the authority matrix (action × ladder level). */
export const authorityRules = pgTable(
  'authority_rules',
  {
    action: text('action').notNull(),
    ladder: text('ladder', { enum: ladderLevels }).notNull(),
    mode: text('mode', { enum: ['allowed', 'limit', 'approval', 'denied'] }).notNull(),
    limitAmount: fen('limit_amount'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.action, t.ladder] })],
);
