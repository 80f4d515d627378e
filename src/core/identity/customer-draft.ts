import type { Gender } from '../model';

/** A customer as read from the sheets, before metrics: every attribute a customer row or invoice can give. */
export interface CustomerDraft {
  key: string;
  code: string;
  name: string;
  phone: string;
  email: string;
  gender: Gender;
  birthDay?: number;
  tier: string;
  points?: number;
  channel: string;
  city: string;
  registeredDay?: number;
  tags: string[];
  /** The sheet's own total spent (summary mode), in minor units (money.ts). */
  totalSpentMinor?: number;
  invoiceCount?: number;
  lastPurchaseDay?: number;
  /** 1-based customer-sheet rows merged into this customer (empty for customers known only from invoices). */
  sourceRows: number[];
}

export function emptyDraft(): CustomerDraft {
  // Every property present from the start, the optional ones undefined, in one order: all drafts then share one
  // shape, and the code that reads 100k of them stays monomorphic.
  return {
    key: '',
    code: '',
    name: '',
    phone: '',
    email: '',
    gender: 'unknown',
    birthDay: undefined,
    tier: '',
    points: undefined,
    channel: '',
    city: '',
    registeredDay: undefined,
    tags: [],
    totalSpentMinor: undefined,
    invoiceCount: undefined,
    lastPurchaseDay: undefined,
    sourceRows: [],
  };
}

/** Member codes compare without case or surrounding spaces: `kh000001 ` is `KH000001`. */
export function normaliseCode(raw: string): string {
  return raw.trim().toUpperCase();
}
