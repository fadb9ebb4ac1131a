import type { ServiceContext } from '../../platform/context.js';
import { findGeographyCard, findPositionCard, listDirectReports, listOwnedGeographies, listSuperiors } from './home.repository.js';
import { pendingPolicies } from './policy.service.js';

/** The signed-in user's own page: where they sit, who they report to and lead, their ground and what they must read. */
export async function getMyHome(ctx: Pick<ServiceContext, 'db' | 'principal'>) {
  const { db, principal } = ctx;
  const positionId = principal.positionId;
  const [position, superiors, subordinates, geography, ownedGeographies, pending] = await Promise.all([
    positionId ? findPositionCard(db, positionId) : null,
    positionId ? listSuperiors(db, positionId) : [],
    positionId ? listDirectReports(db, positionId) : [],
    principal.geographyId ? findGeographyCard(db, principal.geographyId) : null,
    listOwnedGeographies(db, principal.userId),
    pendingPolicies(ctx),
  ]);
  return {
    user: { id: principal.userId, username: principal.username, displayName: principal.displayName },
    position,
    superiors,
    subordinates,
    geography,
    ownedGeographies,
    pendingPolicies: pending,
  };
}
