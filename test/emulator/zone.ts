/**
 * Time zones and spreadsheet serial dates.
 *
 * Sheets stores a date as a serial number of days since 1899-12-30 in local wall-clock time (the fraction is the
 * time of day): https://developers.google.com/sheets/api/guides/formats#about_date_time_values . Apps Script turns
 * a date cell into a `Date` by reading that wall-clock time in the spreadsheet's time zone, and a `Date` written
 * to a cell into the wall-clock time it has in that zone
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheettimezone).
 */

import { floor, round } from './intrinsics';

export const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00Z: serial 0. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Offsets only change on quarter hours in any zone since 1970; cache them per quarter hour. */
const BUCKET_MS = 15 * 60_000;

const offsetCaches = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `GMT+7`, `GMT+07:00`, `UTC-3`: fixed offsets (Java's custom zone ids, which Utilities.formatDate accepts). */
function fixedOffsetMs(timeZone: string): number | null {
  const match = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone);
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

export function isKnownTimeZone(timeZone: string): boolean {
  if (fixedOffsetMs(timeZone) !== null) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

function computeOffset(timeZone: string, instantMs: number): number {
  const fixed = fixedOffsetMs(timeZone);
  if (fixed !== null) return fixed;
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** The zone's offset from UTC at an instant, in ms (Intl's tz database, as Apps Script's Java one). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const bucket = floor(instantMs / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(timeZone, bucket * BUCKET_MS);
    cache.set(bucket, offset);
  }
  return offset;
}

/** Wall-clock ms (the instant's local time read as if it were UTC). */
export function toWallMs(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

/** The instant whose local time in the zone is `wallMs` (in a DST gap, the instant after the gap). */
export function fromWallMs(timeZone: string, wallMs: number): number {
  const guess = wallMs - zoneOffsetMs(timeZone, wallMs);
  return wallMs - zoneOffsetMs(timeZone, guess);
}

export function serialFromWallMs(wallMs: number): number {
  return (wallMs - SERIAL_EPOCH_MS) / MS_PER_DAY;
}

export function wallMsFromSerial(serial: number): number {
  return round(serial * MS_PER_DAY) + SERIAL_EPOCH_MS;
}

export function serialFromInstant(timeZone: string, instantMs: number): number {
  return serialFromWallMs(toWallMs(timeZone, instantMs));
}

export function instantFromSerial(timeZone: string, serial: number): number {
  return fromWallMs(timeZone, wallMsFromSerial(serial));
}

/** Serial of a calendar date and time of day, or null when the date does not exist (31/02). */
export function serialOfCalendar(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const dayMs = Date.UTC(year, month - 1, day);
  const check = new Date(dayMs);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return serialFromWallMs(dayMs + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}
