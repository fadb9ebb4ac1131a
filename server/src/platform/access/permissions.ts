/** A permission key with its label in each UI language, as shown in the position editor. */
export interface PermissionDefinition {
  key: string;
  module: string;
  'zh-CN': string;
  en: string;
}

const registry = new Map<string, PermissionDefinition>();

/** Modules declare their permission keys at load time; a route may only require a declared key. */
export function definePermissions<K extends string>(module: string, labels: Record<K, { 'zh-CN': string; en: string }>): Record<K, string> {
  const keys = {} as Record<K, string>;
  for (const name of Object.keys(labels) as K[]) {
    const key = `${module}.${name}`;
    registry.set(key, { key, module, ...labels[name] });
    keys[name] = key;
  }
  return keys;
}

export function allPermissions(): PermissionDefinition[] {
  return [...registry.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function isKnownPermission(key: string): boolean {
  return registry.has(key);
}
