import { Column, DrizzleQueryError, fillPlaceholders, getTableName, is, SQL, Subquery } from 'drizzle-orm';
import { SQLitePreparedQuery } from 'drizzle-orm/sqlite-core';
import { LocalClient } from './local-client';

/**
 * A prepared drizzle select that reads through the embedded driver's plain rows and shapes
 * them with a row mapper worked out once. Drizzle's own path builds a libsql row object per
 * row, copies it back into an array, and asks `is()` of every field of every row which kind
 * of column it is (walking prototypes). The review path's two reads, the document and its
 * tasks, took 87 µs of CPU that way against 41 µs for SQLite alone, and take 52 µs this way
 * (bench/profiles/read-path.ts). The result is the same objects drizzle would give
 * (tests/integration/fast-read.test.ts compares them query by query).
 */

/** The fields of a prepared select, as drizzle keeps them (internal, not in its typings). */
interface SelectInternals {
  query: { sql: string; params: unknown[] };
  fields?: { path: string[]; field: unknown }[];
  customResultMapper?: unknown;
  joinsNotNullableMap?: Record<string, boolean>;
  client: unknown;
  tx?: unknown;
  logger: { logQuery(sql: string, params: unknown[]): void };
  executeMethod: string;
}

interface ColumnPlan {
  path: string[];
  decoder: Decoder;
  /** The table of a column selected as `{ table: { column } }` (path of two): its object turns null when a left join matched nothing. */
  table: string | null;
}

type RowMapper = (row: unknown[]) => Record<string, unknown>;

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
/** An SQL expression's decoder is internal in drizzle's typings (`sql<T>` with `.mapWith()`). */
type Decoded = { decoder: Decoder };

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as Decoded).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: Decoded } })._.sql.decoder;
  return (field as { sql: Decoded }).sql.decoder;
}

/** drizzle's mapResultRow, with what it asks of each field per row answered once. */
function rowMapper(fields: NonNullable<SelectInternals['fields']>, joinsNotNullableMap: Record<string, boolean> | undefined): RowMapper {
  const plans: ColumnPlan[] = fields.map(({ path, field }) => {
    return {
      path,
      decoder: decoderOf(field),
      table: joinsNotNullableMap && is(field, Column) && path.length === 2 ? getTableName(field.table) : null,
    };
  });
  const flat = plans.every((plan) => plan.path.length === 1);
  if (flat) {
    const keys = plans.map((plan) => plan.path[0]!);
    return (row) => {
      const result: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const raw = row[i];
        result[keys[i]!] = raw === null ? null : plans[i]!.decoder.mapFromDriverValue(raw);
      }
      return result;
    };
  }
  return (row) => {
    const result: Record<string, unknown> = {};
    const nullify: Record<string, string | false> = {};
    plans.forEach((plan, i) => {
      let node = result;
      const last = plan.path.length - 1;
      for (let depth = 0; depth < last; depth++) {
        const chunk = plan.path[depth]!;
        if (!(chunk in node)) node[chunk] = {};
        node = node[chunk] as Record<string, unknown>;
      }
      const raw = row[i];
      const value = (node[plan.path[last]!] = raw === null ? null : plan.decoder.mapFromDriverValue(raw));
      if (plan.table !== null) {
        const objectName = plan.path[0]!;
        if (!(objectName in nullify)) nullify[objectName] = value === null ? plan.table : false;
        else if (typeof nullify[objectName] === 'string' && nullify[objectName] !== plan.table) nullify[objectName] = false;
      }
    });
    if (joinsNotNullableMap) {
      for (const [objectName, table] of Object.entries(nullify)) {
        if (typeof table === 'string' && !joinsNotNullableMap[table]) result[objectName] = null;
      }
    }
    return result;
  };
}

/**
 * The same prepared query, with `all`, `get` and `execute` reading through `client.readRows`
 * when drizzle runs it on our embedded driver outside an interactive transaction. Anything
 * else (a remote database, raw `values()`, a custom result mapper) keeps drizzle's path.
 */
export function withFastRead<T>(prepared: T): T {
  if (!(prepared instanceof SQLitePreparedQuery)) return prepared;
  const query = prepared as unknown as SelectInternals;
  const client = query.client;
  // Only a select: a write with RETURNING has fields too, and writes go through batches and group commit.
  if (!(client instanceof LocalClient) || query.tx || !query.fields || query.customResultMapper || !/^\s*select\b/i.test(query.query.sql)) return prepared;
  const map = rowMapper(query.fields, query.joinsNotNullableMap);
  const { sql, params } = query.query;
  const rows = (values: Record<string, unknown> | undefined): unknown[][] => {
    const args = fillPlaceholders(params, values ?? {});
    query.logger.logQuery(sql, args);
    try {
      return client.readRows(sql, args);
    } catch (error) {
      // As drizzle reports a failed query.
      throw new DrizzleQueryError(sql, args, error as Error);
    }
  };
  const fast = Object.create(prepared as object) as Record<string, unknown>;
  fast.all = async (values?: Record<string, unknown>) => rows(values).map(map);
  fast.get = async (values?: Record<string, unknown>) => {
    const first = rows(values)[0];
    return first === undefined ? undefined : map(first);
  };
  // drizzle's execute() calls this[executeMethod]: get or all land on the two above.
  return fast as T;
}
