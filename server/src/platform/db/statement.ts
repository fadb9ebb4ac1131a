import { type DriverValueEncoder, is, Param, Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Executor } from './database.js';

/** What a drizzle query builder turns into once prepared, as far as a statement needs it. */
interface Prepared<Result> {
  getQuery(): { sql: string; params: unknown[] };
  execute(values?: Record<string, unknown>): Promise<Result>;
}

/** The parts of a prepared query that are the same for every run, whatever connection or transaction runs it. */
interface Built {
  query: { sql: string; params: unknown[] };
  fields: unknown;
  arrayMode: unknown;
  mapper: unknown;
  joinsNotNullableMap: unknown;
}

interface Session {
  prepareQuery(query: Built['query'], fields: unknown, name: undefined, arrayMode: unknown, mapper: unknown): Prepared<unknown>;
}

/**
 * drizzle encodes a placeholder's value even when it is null (a null jsonb
 * would be stored as JSON null, a null timestamp would throw); the builder
 * itself sends null as SQL NULL, and so do statements.
 */
function nullAsNull(param: unknown): unknown {
  if (!is(param, Param) || !is(param.value, Placeholder)) return param;
  const encoder = param.encoder as DriverValueEncoder<unknown, unknown>;
  return new Param(param.value, { mapToDriverValue: (value: unknown) => (value === null ? null : encoder.mapToDriverValue(value)) });
}

function builtParts(prepared: Prepared<unknown>): Built {
  const parts = prepared as unknown as Record<string, unknown>;
  if (!('fields' in parts) || !('_isResponseInArrayMode' in parts)) throw new Error('drizzle prepared queries changed shape');
  const query = prepared.getQuery();
  return {
    query: { sql: query.sql, params: query.params.map(nullAsNull) },
    fields: parts.fields,
    arrayMode: parts._isResponseInArrayMode,
    mapper: parts.customResultMapper,
    joinsNotNullableMap: parts.joinsNotNullableMap,
  };
}

/**
 * A query whose SQL drizzle renders once instead of on every call. Rendering
 * walks every column and condition of the builder; for a wide row such as an
 * order that costs more main-thread time than the database spends running the
 * statement, and the hot paths of order entry run a dozen of them. Every value
 * goes in through `param(name)`, so the text never changes; the result is
 * mapped exactly as the builder would map it. Runs on any executor (the pool
 * or a transaction): only the rendered text and the result mapping are kept.
 */
export function statement<Values extends Record<string, unknown>, Result>(
  build: (db: Executor, param: (name: keyof Values & string) => Placeholder) => { prepare(name: string): Prepared<Result> },
): (db: Executor, values: Values) => Promise<Result> {
  let built: Built | undefined;
  return (db, values) => {
    built ??= builtParts(build(db, (name) => sql.placeholder(name)).prepare('statement') as Prepared<unknown>);
    const session = (db as unknown as { session: Session }).session;
    const prepared = session.prepareQuery(built.query, built.fields, undefined, built.arrayMode, built.mapper);
    (prepared as unknown as { joinsNotNullableMap: unknown }).joinsNotNullableMap = built.joinsNotNullableMap;
    return prepared.execute(values) as Promise<Result>;
  };
}

/**
 * Statements for a write whose columns depend on the caller (an update of
 * some of a row's columns): one per set of value names, each rendered once.
 * Call sites pass fixed sets, so a family stays as small as its callers.
 */
export function statementPerNames<Values extends Record<string, unknown>, Result>(
  build: (
    db: Executor,
    names: (keyof Values & string)[],
    param: (name: keyof Values & string) => Placeholder,
  ) => {
    prepare(name: string): Prepared<Result>;
  },
): (db: Executor, values: Values) => Promise<Result> {
  const family = new Map<string, (db: Executor, values: Values) => Promise<Result>>();
  return (db, values) => {
    const names = Object.keys(values)
      .filter((name) => values[name] !== undefined)
      .sort() as (keyof Values & string)[];
    const key = names.join();
    let run = family.get(key);
    if (!run) {
      run = statement<Values, Result>((each, param) => build(each, names, param));
      family.set(key, run);
    }
    return run(db, values);
  };
}

/** `{ [name]: param(name) }` for every name: the values of an insert as placeholders. */
export function placeholdersFor<Name extends string>(names: Name[], param: (name: Name) => Placeholder): Record<Name, Placeholder> {
  return Object.fromEntries(names.map((name) => [name, param(name)])) as Record<Name, Placeholder>;
}

/**
 * The same for the columns of an update. drizzle encodes a placeholder in
 * `set` with its column's encoder as it does in `values`, but its types leave
 * placeholders out of `set`, hence the cast.
 */
export function setPlaceholdersFor<Name extends string>(names: Name[], param: (name: Name) => Placeholder): Record<Name, SQL> {
  return placeholdersFor(names, param) as unknown as Record<Name, SQL>;
}
