/**
 * Identity (design.md §2): one customer = one member code; where codes are missing, one normalised phone, then
 * one normalised email. Lookups go code → phone → email, so an invoice that carries only a phone finds the
 * member whose row has that phone.
 */
import { StringIndex } from '../string-index';
import type { CustomerDraft } from './customer-draft';

export interface CustomerRef {
  code: string;
  /** Canonical phone when it can be a customer key (mobiles and foreign numbers; not landlines). */
  phone: string;
  email: string;
}

export function keyOf(ref: CustomerRef): string {
  if (ref.code) return `code:${ref.code}`;
  if (ref.phone) return `phone:${ref.phone}`;
  if (ref.email) return `email:${ref.email}`;
  return '';
}

export class IdentityIndex {
  readonly customers: CustomerDraft[] = [];
  private readonly byCode: StringIndex;
  private readonly byPhone: StringIndex;
  private readonly byEmail: StringIndex;
  /** Other ids of a member (aliases.ts): a per-order customer id, a card number. */
  private readonly byAlias: StringIndex;

  /** `expected`: about how many customers there will be (the customer sheet's rows), so the tables start big enough. */
  constructor(expected = 16) {
    this.byCode = new StringIndex(expected);
    this.byPhone = new StringIndex(expected);
    this.byEmail = new StringIndex(expected);
    this.byAlias = new StringIndex(expected);
  }

  hasCode(code: string): boolean {
    return this.byCode.get(code) >= 0;
  }

  /** Makes a customer findable by another id of theirs; the first customer to claim an alias keeps it. */
  registerAlias(index: number, alias: string): void {
    if (alias) this.byAlias.getOrAdd(alias, index);
  }

  customerOfAlias(alias: string): number {
    return this.byAlias.get(alias);
  }

  /** Index of the customer a reference points to, or -1. A code that is known wins over a phone or email. */
  find(ref: CustomerRef): number {
    if (ref.code) {
      const byCode = this.byCode.get(ref.code);
      if (byCode >= 0) return byCode;
    }
    if (ref.phone) {
      const byPhone = this.byPhone.get(ref.phone);
      if (byPhone >= 0) return byPhone;
    }
    if (ref.email && !ref.code && !ref.phone) return this.byEmail.get(ref.email);
    return -1;
  }

  /** Like `find`, but a phone or email alone does not claim a reference whose own code is unknown. */
  findExact(ref: CustomerRef): number {
    if (ref.code) return this.byCode.get(ref.code);
    return this.find(ref);
  }

  add(draft: CustomerDraft): number {
    const index = this.customers.length;
    this.customers.push(draft);
    this.register(index, draft);
    return index;
  }

  /** Makes the customer findable by every code, phone and email it has (after a merge, the merged ones too). */
  register(index: number, ref: CustomerRef): void {
    // The first customer to claim a code, phone or email keeps it.
    if (ref.code) this.byCode.getOrAdd(ref.code, index);
    if (ref.phone) this.byPhone.getOrAdd(ref.phone, index);
    if (ref.email) this.byEmail.getOrAdd(ref.email, index);
  }
}
