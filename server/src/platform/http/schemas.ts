import { type Static, type TSchema, Type } from 'typebox';

/** Query strings arrive as text, so the validator coerces types; every schema here is written for that. */
export const requestValidatorOptions = { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true } as const;

/** Shared request and response shapes, so every module pages and errs the same way. */
export const Id = Type.Integer({ minimum: 1 });
export const IdParams = Type.Object({ id: Id });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }),
});

export const Ok = Type.Object({ ok: Type.Boolean() });

const scalarTypes = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * A value or null. Scalars become one schema with `nullable: true`, not a
 * union: the request validator coerces types, and across a union it would
 * turn a null into 0 or '' (and a 0 into null) before the null branch is tried.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const { type, enum: values } = schema as { type?: unknown; enum?: unknown[] };
  if (typeof type === 'string' && scalarTypes.has(type)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true, ...(values ? { enum: [...values, null] } : {}) });
  }
  return Type.Union([schema, Type.Null()]);
}

/** A timestamp: services hand Date objects, the wire carries ISO 8601 strings. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

/** A string limited to the given values, typed as their union. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
