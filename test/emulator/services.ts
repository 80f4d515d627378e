/**
 * The global services other than the spreadsheet model: SpreadsheetApp, LockService, CacheService,
 * PropertiesService, Session, Utilities, Logger, console, ScriptApp, Charts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { EmuConditionalFormatRuleBuilder } from './builders';
import { instrument } from './core';
import {
  AuthMode,
  BooleanCriteria,
  BorderStyle,
  ChartType,
  Charset,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  DigestAlgorithm,
  Dimension,
  enumName,
  InterpolationType,
  WrapStrategy,
} from './enums';
import { EmuSheet, EmuSpreadsheet } from './sheets';
import { EmuUi } from './ui';
import { zoneOffsetMs, isKnownTimeZone } from './zone';
import type { World } from './world';

// SpreadsheetApp ---------------------------------------------------------------------------------------------

/** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app */
export class EmuSpreadsheetApp {
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly InterpolationType = InterpolationType;
  readonly BooleanCriteria = BooleanCriteria;
  readonly Dimension = Dimension;

  constructor(readonly core: World) {}

  getActiveSpreadsheet(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.core);
  }

  getActive(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.core);
  }

  getActiveSheet(): EmuSheet {
    return new EmuSheet(this.core, this.core.book.active);
  }

  /** Only the emulated spreadsheet can be opened. */
  openById(id: string): EmuSpreadsheet {
    if (id !== this.core.book.id)
      this.core.fail(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return new EmuSpreadsheet(this.core);
  }

  getUi(): EmuUi {
    return new EmuUi(this.core);
  }

  /** Applies pending changes; the emulator applies every change at once, so this only counts. */
  flush(): void {}

  newConditionalFormatRule(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(this.core);
  }
}
instrument(EmuSpreadsheetApp, 'SpreadsheetApp');

// LockService ------------------------------------------------------------------------------------------------

/** One lock (document, script or user): held by this execution, or by another until a virtual time. */
export class LockState {
  heldHere = false;
  /** Virtual time at which another execution releases the lock; Infinity: never by itself. */
  heldElsewhereUntil: number | null = null;
}

export type LockKind = 'document' | 'script' | 'user';

/**
 * Lock: https://developers.google.com/apps-script/reference/lock/lock . tryLock waits up to the timeout for
 * another execution to release the lock and returns false if it does not; waitLock throws "Lock timeout:
 * another process was holding the lock for too long." The wait is virtual (the clock moves on).
 */
export class EmuLock implements Pick<
  GoogleAppsScript.Lock.Lock,
  'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'
> {
  constructor(
    readonly core: World,
    private readonly state: LockState,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    return acquire(this.core, this.state, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!acquire(this.core, this.state, timeoutInMillis)) {
      this.core.fail('Lock timeout: another process was holding the lock for too long.');
    }
  }

  releaseLock(): void {
    this.state.heldHere = false;
  }

  hasLock(): boolean {
    return this.state.heldHere;
  }
}
instrument(EmuLock, 'Lock');

function acquire(world: World, state: LockState, timeoutMs: number): boolean {
  if (state.heldHere) return true;
  const until = state.heldElsewhereUntil;
  if (until !== null) {
    const now = world.now();
    if (until > now + timeoutMs) {
      world.advanceTime(timeoutMs);
      return false;
    }
    if (until > now) world.advanceTime(until - now);
    state.heldElsewhereUntil = null;
  }
  state.heldHere = true;
  return true;
}

/** https://developers.google.com/apps-script/reference/lock/lock-service */
export class EmuLockService {
  constructor(
    readonly core: World,
    private readonly locks: Record<LockKind, LockState>,
  ) {}

  /** Null outside a containing document (the emulator's `noDocumentLock`), as the reference says. */
  getDocumentLock(): EmuLock | null {
    if (this.core.noDocumentLock) return null;
    return new EmuLock(this.core, this.locks.document);
  }

  getScriptLock(): EmuLock {
    return new EmuLock(this.core, this.locks.script);
  }

  getUserLock(): EmuLock {
    return new EmuLock(this.core, this.locks.user);
  }
}
instrument(EmuLockService, 'LockService');

// CacheService -----------------------------------------------------------------------------------------------

/** https://developers.google.com/apps-script/reference/cache/cache */
export const CACHE_MAX_KEY_CHARS = 250;
export const CACHE_MAX_VALUE_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_SECONDS = 600;
export const CACHE_MAX_TTL_SECONDS = 21_600;
/** "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items farthest from expiration." */
export const CACHE_MAX_ITEMS = 1000;
const CACHE_KEEP_ITEMS = 900;

export type CacheStore = Map<string, { value: string; expiresAt: number }>;

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class EmuCache implements Pick<
  GoogleAppsScript.Cache.Cache,
  'get' | 'remove' | 'removeAll' | 'getAll'
> {
  constructor(
    readonly core: World,
    private readonly store: CacheStore,
  ) {}

  get(key: string): string | null {
    return readCache(this.core, this.store, key);
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = readCache(this.core, this.store, key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  /** ttl in seconds: default 600, capped at 21600 (6 hours). */
  put(key: string, value: string, expirationInSeconds?: number): void {
    writeCache(this.core, this.store, key, value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [key, value] of Object.entries(values)) checkCacheEntry(this.core, key, String(value));
    for (const [key, value] of Object.entries(values))
      writeCache(this.core, this.store, key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.store.delete(key);
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.store.delete(key);
  }
}
instrument(EmuCache, 'Cache');

/** "Argument too large: key" past 250 characters; "Argument too large: value" past 100 KB (UTF-8). */
function checkCacheEntry(world: World, key: string, value: string): void {
  if (key.length > CACHE_MAX_KEY_CHARS) world.fail('Argument too large: key');
  if (utf8Bytes(value) > CACHE_MAX_VALUE_BYTES) world.fail('Argument too large: value');
}

function readCache(world: World, store: CacheStore, key: string): string | null {
  const entry = store.get(key);
  if (!entry) return null;
  if (entry.expiresAt <= world.now()) {
    store.delete(key);
    return null;
  }
  return entry.value;
}

function writeCache(world: World, store: CacheStore, key: string, value: string, ttlSeconds?: number): void {
  const text = String(value);
  checkCacheEntry(world, key, text);
  const ttl = Math.min(Math.max(ttlSeconds ?? CACHE_DEFAULT_TTL_SECONDS, 1), CACHE_MAX_TTL_SECONDS);
  store.delete(key);
  store.set(key, { value: text, expiresAt: world.now() + ttl * 1000 });
  if (store.size > CACHE_MAX_ITEMS) {
    const byExpiry = [...store.entries()].sort(([, a], [, b]) => b.expiresAt - a.expiresAt);
    store.clear();
    for (const [k, entry] of byExpiry.slice(0, CACHE_KEEP_ITEMS)) store.set(k, entry);
  }
}

export class EmuCacheService {
  constructor(
    readonly core: World,
    private readonly stores: { document: CacheStore; script: CacheStore; user: CacheStore },
  ) {}

  getDocumentCache(): EmuCache {
    return new EmuCache(this.core, this.stores.document);
  }

  getScriptCache(): EmuCache {
    return new EmuCache(this.core, this.stores.script);
  }

  getUserCache(): EmuCache {
    return new EmuCache(this.core, this.stores.user);
  }
}
instrument(EmuCacheService, 'CacheService');

// PropertiesService ------------------------------------------------------------------------------------------

/** Quotas: https://developers.google.com/apps-script/guides/services/quotas ("Properties value size 9 KB / val", "Properties total storage 500 KB / property store"). */
export const PROPERTY_MAX_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

export type PropertyStore = Map<string, string>;

function storeBytes(store: PropertyStore): number {
  let total = 0;
  for (const [key, value] of store) total += utf8Bytes(key) + utf8Bytes(value);
  return total;
}

function setProperties(
  world: World,
  store: PropertyStore,
  entries: [string, string][],
  deleteAllOthers: boolean,
): void {
  for (const [, value] of entries) {
    if (utf8Bytes(value) > PROPERTY_MAX_VALUE_BYTES) world.fail('Argument too large: value');
  }
  const next = new Map(deleteAllOthers ? [] : store);
  for (const [key, value] of entries) next.set(key, value);
  if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) {
    world.fail('You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  store.clear();
  for (const [key, value] of next) store.set(key, value);
}

/** https://developers.google.com/apps-script/reference/properties/properties ; values are stored as strings. */
export class EmuProperties implements Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'getProperties' | 'getKeys'
> {
  constructor(
    readonly core: World,
    private readonly store: PropertyStore,
  ) {}

  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  setProperty(key: string, value: string): this {
    setProperties(this.core, this.store, [[String(key), String(value)]], false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]);
    setProperties(this.core, this.store, entries, deleteAllOthers);
    return this;
  }

  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }

  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
}
instrument(EmuProperties, 'Properties');

export class EmuPropertiesService {
  constructor(
    readonly core: World,
    private readonly stores: { document: PropertyStore; script: PropertyStore; user: PropertyStore },
  ) {}

  getDocumentProperties(): EmuProperties {
    return new EmuProperties(this.core, this.stores.document);
  }

  getScriptProperties(): EmuProperties {
    return new EmuProperties(this.core, this.stores.script);
  }

  getUserProperties(): EmuProperties {
    return new EmuProperties(this.core, this.stores.user);
  }
}
instrument(EmuPropertiesService, 'PropertiesService');

// Session ----------------------------------------------------------------------------------------------------

export class EmuUser {
  constructor(
    readonly core: World,
    private readonly email: string,
  ) {}

  getEmail(): string {
    return this.email;
  }
}
instrument(EmuUser, 'User');

/** https://developers.google.com/apps-script/reference/base/session */
export class EmuSession implements Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
> {
  constructor(readonly core: World) {}

  /** "Gets the language setting of the current user as a string—for example, en for English." */
  getActiveUserLocale(): string {
    return this.core.userLocale;
  }

  getScriptTimeZone(): string {
    return this.core.scriptTimeZone;
  }

  getActiveUser(): EmuUser {
    return new EmuUser(this.core, this.core.userEmail);
  }

  getEffectiveUser(): EmuUser {
    return new EmuUser(this.core, this.core.userEmail);
  }

  getTemporaryActiveUserKey(): string {
    return 'emulated-temporary-user-key';
  }
}
instrument(EmuSession, 'Session');

// Utilities --------------------------------------------------------------------------------------------------

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(offsetMs: number, colon: boolean, hoursOnly = false): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  if (hoursOnly) return `${sign}${hh}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/**
 * Utilities.formatDate(date, timeZone, format): Java SimpleDateFormat patterns
 * (https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html), English names. Java falls back
 * to GMT for a zone id it does not know, and so does the emulator.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'GMT';
  const instant = date.getTime();
  const offset = zoneOffsetMs(zone, instant);
  const wall = new Date(instant + offset);
  const hours = wall.getUTCHours();
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    const n = j - i;
    i = j;
    const num = (value: number) => String(value).padStart(n, '0');
    switch (ch) {
      case 'G':
        out += 'AD';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? String(wall.getUTCFullYear() % 100).padStart(2, '0') : num(wall.getUTCFullYear());
        break;
      case 'M':
      case 'L': {
        const month = wall.getUTCMonth();
        out += n >= 4 ? ENGLISH_MONTHS[month] : n === 3 ? ENGLISH_MONTHS[month]!.slice(0, 3) : num(month + 1);
        break;
      }
      case 'd':
        out += num(wall.getUTCDate());
        break;
      case 'D': {
        const start = Date.UTC(wall.getUTCFullYear(), 0, 1);
        out += num(Math.floor((wall.getTime() - start) / 86_400_000) + 1);
        break;
      }
      case 'E': {
        const day = ENGLISH_DAYS[wall.getUTCDay()]!;
        out += n >= 4 ? day : day.slice(0, 3);
        break;
      }
      case 'u':
        out += num(wall.getUTCDay() || 7);
        break;
      case 'a':
        out += hours < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += num(hours);
        break;
      case 'k':
        out += num(hours || 24);
        break;
      case 'K':
        out += num(hours % 12);
        break;
      case 'h':
        out += num(hours % 12 || 12);
        break;
      case 'm':
        out += num(wall.getUTCMinutes());
        break;
      case 's':
        out += num(wall.getUTCSeconds());
        break;
      case 'S':
        out += num(wall.getUTCMilliseconds());
        break;
      case 'z':
        out += offset === 0 ? 'GMT' : `GMT${offsetText(offset, true)}`;
        break;
      case 'Z':
        out += offsetText(offset, false);
        break;
      case 'X':
        out += offset === 0 ? 'Z' : offsetText(offset, n >= 3, n === 1);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Java bytes are signed: -128…127. */
function signedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (byte) => (byte > 127 ? byte - 256 : byte));
}

function toBuffer(data: string | number[], charset?: unknown): Buffer {
  if (typeof data === 'string')
    return Buffer.from(data, enumName(charset ?? 'UTF_8') === 'US_ASCII' ? 'ascii' : 'utf8');
  return Buffer.from(data.map((byte) => byte & 0xff));
}

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export class EmuBlob {
  constructor(
    readonly core: World,
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return signedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset && /ascii/i.test(charset) ? 'ascii' : 'utf8');
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): this {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): this {
    this.name = name;
    return this;
  }

  setDataFromString(string: string): this {
    this.bytes = Buffer.from(string, 'utf8');
    return this;
  }

  copyBlob(): EmuBlob {
    return new EmuBlob(this.core, Buffer.from(this.bytes), this.contentType, this.name);
  }

  isGoogleType(): boolean {
    return false;
  }
}
instrument(EmuBlob, 'Blob');

/** https://developers.google.com/apps-script/reference/utilities/utilities */
export class EmuUtilities {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(readonly core: World) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }

  /** Digest as signed bytes; MD2 is not available in the emulator. */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: unknown,
  ): number[] {
    const name = DIGESTS[enumName(algorithm)];
    if (!name) return this.core.fail(`The emulator does not implement digest ${enumName(algorithm)}`);
    return signedBytes(createHash(name).update(toBuffer(value, charset)).digest());
  }

  base64Encode(data: string | number[], charset?: unknown): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: unknown): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return signedBytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  newBlob(data: string | number[], contentType?: string, name?: string): EmuBlob {
    return new EmuBlob(this.core, toBuffer(data), contentType ?? null, name ?? null);
  }

  getUuid(): string {
    return randomUUID();
  }

  /** No real wait: the virtual clock moves on and the sleep is recorded. */
  sleep(milliseconds: number): void {
    this.core.sleeps.push(milliseconds);
    this.core.advanceTime(milliseconds);
  }
}
instrument(EmuUtilities, 'Utilities');

// Logger, console, ScriptApp, Charts -------------------------------------------------------------------------

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

/** Logger.log(format, ...values) replaces `%s` placeholders in order (https://developers.google.com/apps-script/reference/base/logger). */
export class EmuLogger {
  constructor(readonly core: World) {}

  log(data: unknown, ...values: unknown[]): this {
    let message = describe(data);
    if (values.length > 0) {
      let index = 0;
      message = message.replace(/%s/g, () => (index < values.length ? describe(values[index++]) : '%s'));
    }
    this.core.logs.push({ source: 'Logger', level: 'info', message });
    return this;
  }

  getLog(): string {
    return this.core.logs
      .filter((entry) => entry.source === 'Logger')
      .map((entry) => `${entry.message}\n`)
      .join('');
  }

  clear(): void {
    const kept = this.core.logs.filter((entry) => entry.source !== 'Logger');
    this.core.logs.splice(0, this.core.logs.length, ...kept);
  }
}
instrument(EmuLogger, 'Logger');

/** console: recorded in `logs` (Cloud Logging in Apps Script), not printed, so test output stays clean. */
export function makeConsole(world: World): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      world.logs.push({ source: 'console', level, message: args.map(describe).join(' ') });
    };
  return {
    log: record('log'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
  };
}

export class EmuScriptApp {
  readonly AuthMode = AuthMode;

  constructor(readonly core: World) {}

  getScriptId(): string {
    return 'emulated-script-id';
  }

  getProjectTriggers(): never[] {
    return [];
  }
}
instrument(EmuScriptApp, 'ScriptApp');

/** Only the ChartType enum (used with EmbeddedChartBuilder.setChartType). */
export const EmuCharts = Object.freeze({ ChartType });
