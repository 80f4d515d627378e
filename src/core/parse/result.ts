/**
 * The outcome of parsing one cell: the value, or a short English reason saying what was expected
 * (e.g. `expected a date like 22/11/2026 14:05`). Callers turn a reason into a data issue; nothing becomes a
 * silent zero or blank.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function notParsed<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** The reason given for a blank cell; callers normally handle blanks before parsing. */
export const EMPTY_REASON = 'empty';
