/** The sales ladder of ORG-2, highest first. */
export const ladderLevels = ['director', 'manager', 'supervisor', 'representative'] as const;
export type LadderLevel = (typeof ladderLevels)[number];

/** ORG-4 scope kinds, narrowest first. */
export const dataScopeKinds = ['own', 'team', 'geography', 'all', 'custom'] as const;
export type DataScopeKind = (typeof dataScopeKinds)[number];

/** ORG-4 defaults: rep = own, supervisor and manager = team, director = all (market managers get geography explicitly). */
export const defaultScopeByLadder: Record<LadderLevel, DataScopeKind> = {
  director: 'all',
  manager: 'team',
  supervisor: 'team',
  representative: 'own',
};

export const geographyKinds = ['market', 'region', 'territory'] as const;
export type GeographyKind = (typeof geographyKinds)[number];

export const userStatuses = ['active', 'left'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const moveKinds = ['hire', 'promote', 'transfer', 'leave'] as const;
export type MoveKind = (typeof moveKinds)[number];
