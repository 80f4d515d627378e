/** The parsed form of a filter definition: what `parseFilter` builds, `compileFilter` runs and `formatFilter` prints. */

export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Units of a relative date: days, weeks, calendar months, calendar years before the as-of day. */
export type RelativeUnit = 'd' | 'w' | 'm' | 'y';

export type FilterValue =
  | { kind: 'number'; value: number }
  /** Text as typed (NFC), or for an enum field the canonical choice id. */
  | { kind: 'text'; value: string }
  /** An absolute calendar day (day number). */
  | { kind: 'date'; day: number }
  /** `amount` units before the as-of day; `-0d` and `today` are amount 0. */
  | { kind: 'relative-date'; amount: number; unit: RelativeUnit }
  | { kind: 'month'; month: number }
  /** The as-of day's month (`this_month`, offset 0) or the one after (`next_month`, offset 1). */
  | { kind: 'relative-month'; offset: 0 | 1 };

/** Every condition names its field by canonical id. `negated` marks `NOT BETWEEN`, `NOT IN`, `NOT CONTAINS`, `IS NOT EMPTY`. */
export type FilterCondition =
  | { kind: 'compare'; field: string; op: CompareOperator; value: FilterValue }
  | { kind: 'between'; field: string; negated: boolean; low: FilterValue; high: FilterValue }
  | { kind: 'in'; field: string; negated: boolean; values: FilterValue[] }
  | { kind: 'contains'; field: string; negated: boolean; value: FilterValue }
  | { kind: 'empty'; field: string; negated: boolean };

/** `and`/`or` hold two or more items, never an item of their own kind (the parser flattens those). */
export type FilterExpr =
  | FilterCondition
  | { kind: 'and'; items: FilterExpr[] }
  | { kind: 'or'; items: FilterExpr[] }
  | { kind: 'not'; expr: FilterExpr };
