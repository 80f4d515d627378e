/**
 * Identity (design.md §2): one customer = one member code; where codes are missing, one normalised phone, then
 * one normalised email. Lookups go code → phone → email, so an invoice that carries only a phone finds the
 * member whose row has that phone.
 */
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
  private readonly byCode = new Map<string, number>();
  private readonly byPhone = new Map<string, number>();
  private readonly byEmail = new Map<string, number>();

  /** Index of the customer a reference points to, or -1. A code that is known wins over a phone or email. */
  find(ref: CustomerRef): number {
    if (ref.code) {
      const byCode = this.byCode.get(ref.code);
      if (byCode !== undefined) return byCode;
    }
    if (ref.phone) {
      const byPhone = this.byPhone.get(ref.phone);
      if (byPhone !== undefined) return byPhone;
    }
    if (ref.email && !ref.code && !ref.phone) {
      const byEmail = this.byEmail.get(ref.email);
      if (byEmail !== undefined) return byEmail;
    }
    return -1;
  }

  /** Like `find`, but a phone or email alone does not claim a reference whose own code is unknown. */
  findExact(ref: CustomerRef): number {
    if (ref.code) return this.byCode.get(ref.code) ?? -1;
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
    if (ref.code && !this.byCode.has(ref.code)) this.byCode.set(ref.code, index);
    if (ref.phone && !this.byPhone.has(ref.phone)) this.byPhone.set(ref.phone, index);
    if (ref.email && !this.byEmail.has(ref.email)) this.byEmail.set(ref.email, index);
  }
}
