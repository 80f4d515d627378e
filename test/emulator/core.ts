/**
 * What every emulated object shares: the call log (round trips counted by `Class.method`), failure injection,
 * a virtual clock (cache expiry, Utilities.sleep, locks held by other executions) and the JavaScript realm
 * whose `Date` and `Error` the emulator must hand out.
 *
 * Why a realm: the built bundle runs in a Node `vm` context, whose `Date` and `Error` differ from the host's.
 * In Apps Script a date cell comes back as a `Date` of the script's own global, and a service failure is an
 * `Error` of that global, so `value instanceof Date` and `error instanceof Error` hold there; the emulator
 * must keep that true inside the vm (see `bindRealm`).
 */

import { objectToString } from './intrinsics';

export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export interface FailRule {
  /** `Class.method`, e.g. `Range.setValues`. */
  method: string;
  /** Throw on the nth matching call made after the rule was added (1 = the next one). */
  nth?: number;
  /** The message thrown; by default the transient error Apps Script reports when Sheets gives up. */
  error?: string;
  /**
   * Apps Script ends the execution there (its 6-minute limit) instead of throwing an error the script can
   * handle: "the script is stopped" and neither `catch` nor `finally` code runs
   * (https://developers.google.com/apps-script/guides/services/quotas, "Script runtime"). JavaScript in the
   * vm cannot be stopped from outside, so the emulator makes that call and every later service call throw
   * EXECUTION_KILLED until the execution ends (`locks.endExecution`): whatever a `catch` or `finally` tries,
   * nothing of it reaches the spreadsheet, the caches or the properties, which is what the user sees.
   */
  kill?: boolean;
}

interface ArmedRule {
  method: string;
  remaining: number;
  error: string;
  kill: boolean;
}

/** What the sidebar's failure handler gets when Apps Script ends an execution at its time limit. */
export const EXECUTION_KILLED = 'Exceeded maximum execution time';

/** Simulated time per service call (virtual clock), for tests of a run's time guard. */
export interface Timing {
  /** Added to the virtual clock by every counted call. */
  perCallMs: number;
  /** Added per cell a call writes (a 2-D array argument) or reads (a 2-D array result). */
  perCellMs: number;
  /** Apps Script's limit: a call that ends past it, counted from `beginExecution`, kills the execution. */
  executionLimitMs?: number;
}

/**
 * Apps Script's generic transient failure (seen when Sheets times out or a service is overloaded), used when
 * a failure rule names no message.
 */
export const DEFAULT_INJECTED_ERROR = 'Service Spreadsheets failed while accessing document with id {id}.';

/** Calls per `Class.method`; a Map so tests can iterate it, with `total()` and `reset()`. */
export class CallLog extends Map<string, number> {
  private count = 0;
  private rules: ArmedRule[] = [];

  constructor(private readonly raise: (message: string) => never) {
    super();
  }

  /** Set once a kill rule fired: every call throws until the execution ends. */
  killed = false;

  /** Counts one call; throws when an armed failure rule matches. Kept tiny: it runs on every service call. */
  hit(method: string): void {
    if (this.killed) this.raise(EXECUTION_KILLED);
    this.count++;
    this.set(method, (super.get(method) ?? 0) + 1);
    if (this.rules.length > 0) this.checkRules(method);
  }

  total(): number {
    return this.count;
  }

  /** How many times `method` was called (0 if never). */
  of(method: string): number {
    return super.get(method) ?? 0;
  }

  /** Zeroes the counts; armed failure rules stay armed. */
  reset(): void {
    this.clear();
    this.count = 0;
  }

  /** Plain object of the counts, sorted by name (readable in test failure output). */
  toRecord(): Record<string, number> {
    return Object.fromEntries([...this.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  arm(rule: FailRule, defaultError: string): void {
    const nth = rule.nth ?? 1;
    if (!Number.isInteger(nth) || nth < 1)
      throw new Error(`failOn: nth must be a positive integer, got ${nth}`);
    const kill = rule.kill ?? false;
    this.rules.push({
      method: rule.method,
      remaining: nth,
      error: rule.error ?? (kill ? EXECUTION_KILLED : defaultError),
      kill,
    });
  }

  disarm(): void {
    this.rules = [];
  }

  private checkRules(method: string): void {
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i]!;
      if (rule.method !== method) continue;
      rule.remaining--;
      if (rule.remaining === 0) {
        this.rules.splice(i, 1);
        if (rule.kill) this.killed = true;
        this.raise(rule.error);
      }
    }
  }
}

export class Core {
  realm: Realm = { Date, Error };
  readonly calls: CallLog;
  /**
   * The virtual clock (cache expiry, locks held elsewhere): it starts at the real time and moves only through
   * `advanceTime` and `Utilities.sleep`, so expiry tests are exact. Scripts' own `new Date()` is real time.
   */
  private clockMs = Date.now();
  /** Simulated call latency, when a test asks for it. */
  timing: Timing | null = null;
  /** Virtual time the current execution began (beginExecution). */
  executionStart = this.clockMs;

  constructor() {
    this.calls = new CallLog((message) => this.fail(message));
  }

  now(): number {
    return this.clockMs;
  }

  advanceTime(ms: number): void {
    this.clockMs += ms;
  }

  /** After a counted call: moves the virtual clock by its simulated cost; past the limit, the execution ends. */
  spend(args: unknown[], result: unknown): void {
    const timing = this.timing;
    if (!timing) return;
    const cellsOf = (value: unknown) =>
      Array.isArray(value) && Array.isArray(value[0]) ? value.length * (value[0] as unknown[]).length : 0;
    this.clockMs += timing.perCallMs + timing.perCellMs * (cellsOf(args[0]) + cellsOf(result));
    if (
      timing.executionLimitMs !== undefined &&
      this.clockMs - this.executionStart > timing.executionLimitMs
    ) {
      this.calls.killed = true;
      this.fail(EXECUTION_KILLED);
    }
  }

  /** Throws an `Error` of the bound realm, as an Apps Script service does. */
  fail(message: string): never {
    throw new this.realm.Error(message);
  }

  newDate(ms: number): Date {
    return new this.realm.Date(ms);
  }
}

/** Dates from any realm (the vm's `Date` is not the host's, so `instanceof` cannot be used). */
export function isDate(value: unknown): value is Date {
  return objectToString.call(value) === '[object Date]';
}

/** Anything whose methods are counted must expose the core it reports to. */
export interface Counted {
  readonly core: Core;
}

/**
 * Wraps every method on the class's prototype so each call is counted as `label.method` (and may be made to
 * fail). Emulated classes are facades: their own code never calls another facade's public method, so nothing
 * is counted twice; shared logic lives in state objects that are not instrumented.
 */
export function instrument(cls: { prototype: object }, label: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor || typeof descriptor.value !== 'function') continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const key = `${label}.${name}`;
    Object.defineProperty(proto, name, {
      ...descriptor,
      value: function counted(this: Counted, ...args: unknown[]): unknown {
        this.core.calls.hit(key);
        const result = original.apply(this, args);
        this.core.spend(args, result);
        return result;
      },
    });
  }
}
