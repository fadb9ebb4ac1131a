import type { Locale } from '../i18n.js';

/**
 * ORG-4 data scope, already resolved to the sets a query filters on: a record
 * is visible when `all`, or its owner is in `userIds`, or its geography is in
 * `geographyIds`.
 */
export interface DataScope {
  kind: 'own' | 'team' | 'geography' | 'all' | 'custom';
  all: boolean;
  userIds: number[];
  geographyIds: number[];
}

/** The signed-in user as every route and service sees them. */
export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  locale: Locale | null;
  isAdmin: boolean;
  positionId: number | null;
  ladder: string | null;
  departmentId: number | null;
  geographyId: number | null;
  permissions: ReadonlySet<string>;
  scope: DataScope;
  /** How the request authenticated: browser session id hash, or API token id. */
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: number };
}

export type PrincipalLoader = (userId: number) => Promise<Omit<Principal, 'via'> | null>;

export function hasPermission(principal: Principal, permission: string): boolean {
  return principal.isAdmin || principal.permissions.has(permission);
}
