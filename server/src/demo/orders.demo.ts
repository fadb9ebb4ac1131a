import { InventoryPermissions, OrderPermissions } from '../modules/orders/index.js';
import { positionPermissions } from '../modules/org/index.js';
import type { Tx } from '../platform/db/database.js';
import { seedOrderHistory } from './orders.history.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
  geographyIds: Map<string, number>;
}

/**
 * Who may do what with orders (OSB-1/2/3/10): sales people and the SSG desk
 * enter and follow orders in their scope, finance confirms and records
 * payment (and takes orders at the invoicing office), logistics ships.
 */
function grants(positionKey: string): string[] {
  const follow = [OrderPermissions['orders.read'], OrderPermissions['shipments.read']];
  // Entering an order means picking the warehouse it ships from; inventory management stays with logistics.
  const enter = [...follow, OrderPermissions['orders.enter'], InventoryPermissions['inventory.availability']];
  if (/^(rep|am|mm)-/.test(positionKey) || ['ssg', 'csr'].includes(positionKey)) return enter;
  if (['gm', 'director', 'deputy'].includes(positionKey)) return follow;
  if (positionKey === 'finance') return [...enter, OrderPermissions['orders.finance']];
  if (positionKey === 'logistics') return [...follow, OrderPermissions['shipments.manage']];
  return [];
}

/** OSB demo: order permissions, then six months of orders and shipments (after the products and inventory seeders). */
export async function seedOrdersDemo(tx: Tx, org: OrgIds): Promise<void> {
  await tx
    .insert(positionPermissions)
    .values([...org.positionIds].flatMap(([key, positionId]) => grants(key).map((permission) => ({ positionId, permission }))));
  await seedOrderHistory(tx, org);
}
