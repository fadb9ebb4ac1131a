import { boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { geographies, users } from '../org/index.js';
import { warehouseKinds } from './inventory.enums.js';

/** OSB-4 仓库: where stock is kept; a regional one serves its market (geography), the central one the rest. */
export const warehouses = pgTable(
  'warehouses',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: warehouseKinds }).notNull(),
    geographyId: ref('geography_id').references(() => geographies.id),
    address: text('address'),
    managerUserId: ref('manager_user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('warehouses_code_key').on(t.code), index('warehouses_geography_idx').on(t.geographyId)],
);
