import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { OrderErrors } from './order.errors.js';
import {
  findDeliveryRun,
  findShipment,
  insertDeliveryRun,
  listDeliveryRuns,
  lockDeliveryRun,
  lockShipments,
  shipmentsOfRun,
  updateDeliveryRun,
  updateShipment,
} from './shipment.repository.js';
import { advanceShipment, shipmentEntity } from './shipment.service.js';

export const deliveryRunEntity = 'delivery_run';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export interface DeliveryRunInput {
  runDate: string;
  warehouseId: number;
  vehicle: string;
  driverName?: string | null;
  driverPhone?: string | null;
  note?: string | null;
  /** In stop order. */
  shipmentIds: number[];
}

const trimmed = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/**
 * OSB-3 truck consolidation: several accounts' delivery shipments from one
 * warehouse on one truck, in stop order. A shipment joins one run only, and
 * only before it leaves.
 */
export async function createDeliveryRun(ctx: ServiceContext, input: DeliveryRunInput) {
  const vehicle = trimmed(input.vehicle);
  if (!vehicle) throw new AppError(OrderErrors.reasonRequired, { field: 'vehicle' }, { field: 'vehicle' });
  const id = await ctx.db.transaction(async (tx) => {
    const locked = new Map((await lockShipments(tx, input.shipmentIds)).map((row) => [row.id, row]));
    for (const [index, shipmentId] of input.shipmentIds.entries()) {
      const field = `shipmentIds[${index}]`;
      const shipment = locked.get(shipmentId);
      if (!shipment || !(await findShipment(tx, ctx.principal.scope, shipmentId)) || input.shipmentIds.indexOf(shipmentId) !== index)
        throw new AppError(OrderErrors.shipmentUnknown, { field }, { field });
      if (shipment.kind === 'pickup') throw new AppError(OrderErrors.pickupInRun, { field, number: shipment.number }, { field });
      if (shipment.warehouseId !== input.warehouseId)
        throw new AppError(OrderErrors.runWarehouse, { field, number: shipment.number }, { field });
      if (shipment.deliveryRunId !== null || !['prepared', 'picked'].includes(shipment.state))
        throw new AppError(OrderErrors.shipmentInRun, { field, number: shipment.number }, { field });
    }
    const run = await insertDeliveryRun(tx, {
      runDate: input.runDate,
      warehouseId: input.warehouseId,
      vehicle,
      driverName: trimmed(input.driverName),
      driverPhone: trimmed(input.driverPhone),
      note: trimmed(input.note),
      createdBy: ctx.principal.userId,
    });
    for (const [index, shipmentId] of input.shipmentIds.entries()) {
      const before = locked.get(shipmentId);
      const after = await updateShipment(tx, shipmentId, {
        deliveryRunId: run.id,
        stopSeq: index + 1,
        vehicle,
        driverPhone: run.driverPhone,
      });
      await writeAudit(tx, ctx.actor, {
        entity: shipmentEntity,
        entityId: shipmentId,
        action: 'plan',
        before: { deliveryRunId: before?.deliveryRunId ?? null },
        after: { deliveryRunId: run.id, stopSeq: after.stopSeq },
      });
    }
    await writeAudit(tx, ctx.actor, {
      entity: deliveryRunEntity,
      entityId: run.id,
      action: 'create',
      after: { ...run, shipmentIds: input.shipmentIds },
    });
    return run.id;
  });
  return getDeliveryRun(ctx, id);
}

/** The truck leaves: every shipment on it not yet dispatched is dispatched (goods leave stock, orders move). */
export async function dispatchDeliveryRun(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const run = await lockDeliveryRun(tx, id);
    if (!run) throw new AppError(PlatformErrors.notFound);
    if (run.status !== 'planned') throw new AppError(OrderErrors.runNotPlanned, { status: run.status });
    for (const shipment of await shipmentsOfRun(tx, id)) {
      if (shipment.state === 'prepared' || shipment.state === 'picked')
        await advanceShipment(tx, ctx.actor, ctx.principal.userId, shipment.id, { state: 'dispatched', note: null });
    }
    const after = await updateDeliveryRun(tx, id, { status: 'dispatched' });
    await writeAudit(tx, ctx.actor, {
      entity: deliveryRunEntity,
      entityId: id,
      action: 'dispatch',
      before: { status: run.status },
      after: { status: after.status },
    });
  });
  return getDeliveryRun(ctx, id);
}

export async function getDeliveryRun(ctx: ReadContext, id: number) {
  const run = await findDeliveryRun(ctx.db, id);
  if (!run) throw new AppError(PlatformErrors.notFound);
  return { ...run, shipments: await shipmentsOfRun(ctx.db, id, ctx.principal.scope) };
}

export function searchDeliveryRuns(
  ctx: ReadContext,
  filter: { runDate?: string; warehouseId?: number },
  page: { limit: number; offset: number },
) {
  return listDeliveryRuns(ctx.db, filter, page);
}
