import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Longer statements or more parameters than this are one-offs (bulk lookups, imports): not worth a slot per connection. */
const maxTextLength = 8_000;
const maxParameters = 256;

/** Names already computed: a request's statements are the same few texts over and over. Emptied when full. */
const names = new Map<string, string>();
const maxRememberedNames = 2_000;

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= maxRememberedNames) names.clear();
    name = `q${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/** The query config with a name derived from its text when it is a parameterised statement worth keeping prepared. */
function named(config: unknown, values: unknown): unknown {
  if (typeof config !== 'object' || config === null || !('text' in config) || ('name' in config && config.name)) return config;
  const { text, values: own } = config as { text: string; values?: unknown };
  const parameters = values ?? own;
  if (!Array.isArray(parameters) || parameters.length === 0 || parameters.length > maxParameters || text.length > maxTextLength)
    return config;
  return { ...config, name: statementName(text) };
}

/**
 * Names every parameterised statement after its text, so each connection parses and plans a query shape once and
 * afterwards only binds and executes it (PostgreSQL re-plans on its own when a table changes). Drizzle sends every
 * query with its parameters apart from the text, so the shapes are few: one per repository query and filter
 * combination. Planning a join costs more than running it on the indexed, in-memory lookups a request makes.
 */
export function prepareStatementsByText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => query(named(config, rest[0]), ...rest)) as typeof client.query;
}
