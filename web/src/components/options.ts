import type { TFunction } from 'i18next';
import type { Ladder } from '../api/types';

export const ladders: readonly Ladder[] = ['director', 'manager', 'supervisor', 'representative'];
export const dataScopes = ['own', 'team', 'geography', 'all', 'custom'] as const;
export type DataScope = (typeof dataScopes)[number];
export const geographyKinds = ['market', 'region', 'territory'] as const;

export function ladderOptions(t: TFunction) {
  return ladders.map((ladder) => ({ value: ladder, label: t(`ladder.${ladder}`) }));
}

export function dataScopeOptions(t: TFunction) {
  return dataScopes.map((scope) => ({ value: scope, label: t(`dataScope.${scope}`) }));
}

export function geographyKindOptions(t: TFunction) {
  return geographyKinds.map((kind) => ({ value: kind, label: t(`geographyKind.${kind}`) }));
}
