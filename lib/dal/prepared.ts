import "server-only";
import { getTableColumns, getTableName, is, type SQL, sql, type Table } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Queryable } from "./context";

type Values = Record<string, unknown>;

/** A query that runs with its placeholders' values: drizzle's prepared query, or a builder. */
export interface Runnable<R> {
  execute(values?: Values): Promise<R>;
}

interface Kept {
  query: Runnable<unknown>;
  /** The names of the values it was first run with: each later run must give the same. */
  names: Set<string> | null;
}

const built = new WeakMap<object, Map<string, Kept>>();

/**
 * A query whose SQL depends only on `name`, its values left as placeholders. On the pool it is
 * built once and kept, as drizzle's prepared query: building a query (walking its columns and
 * conditions, escaping names) cost a registration more of the server's time than sending it.
 * In a transaction it is built on that transaction at each call, since a prepared query runs on
 * the session it was built on. The values are filled in and encoded for their columns at each run.
 *
 * A kept query refuses values named otherwise than at its first run: drizzle would ignore a value
 * without a placeholder, so a column added to a row at one call only would silently not be written.
 * Names share one namespace per pool: each caller's begin with its module's path.
 */
export function reusable<R>(
  q: Queryable,
  name: string,
  build: (q: Queryable) => Runnable<R> & { prepare(name: string): Runnable<R> },
): Runnable<R> {
  // In development a module edited under hot reload would keep running the statement its old
  // code built: build at every call there.
  if (is(q, PgTransaction) || process.env.NODE_ENV === "development") return build(q);
  let byName = built.get(q);
  if (!byName) {
    byName = new Map();
    built.set(q, byName);
  }
  let found = byName.get(name);
  if (!found) {
    found = { query: build(q).prepare(name), names: null };
    byName.set(name, found);
  }
  const kept = found;
  return {
    execute(values: Values = {}) {
      const names = Object.keys(values);
      kept.names ??= new Set(names);
      if (names.length !== kept.names.size || !names.every((n) => kept.names?.has(n))) {
        throw new Error(`${name}: run with values named otherwise than the statement's placeholders`);
      }
      return kept.query.execute(values) as Promise<R>;
    },
  };
}

/**
 * A row for `table` whose every value is a placeholder named `prefix` + its key, and the values
 * under those names, encoded as drizzle encodes a row's values (a null stays null, which drizzle
 * does not do for a placeholder of an array or JSON column). A row's keys are the statement's
 * columns: rows given to one statement must always have the same keys (drizzle refuses to run a
 * statement one of whose placeholders has no value).
 */
export function placeholderRow<T extends Values>(
  table: Table,
  prefix: string,
  row: T,
): { columns: () => { [K in keyof T]: SQL }; values: Values } {
  const tableColumns = getTableColumns(table);
  const keys = Object.keys(row) as Array<keyof T & string>;
  const values: Values = {};
  for (const key of keys) {
    const column = tableColumns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    const value = row[key];
    // Left out, a column would take its default; as a placeholder it would be written null.
    if (value === undefined) throw new Error(`${getTableName(table)}.${key} has no value`);
    values[prefix + key] = value === null ? null : column.mapToDriverValue(value);
  }
  // Only a statement's first build needs these.
  const columns = () => {
    const placeholders = {} as { [K in keyof T]: SQL };
    for (const key of keys) placeholders[key] = sql`${sql.placeholder(prefix + key)}`;
    return placeholders;
  };
  return { columns, values };
}
