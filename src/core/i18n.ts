import type { Language } from './options';

/** Picks the sentence of the user's language; both are written side by side where the message is made. */
export function say(language: Language, vi: string, en: string): string {
  return language === 'vi' ? vi : en;
}

/**
 * A whole number with its thousands grouped as the language writes them: `322.830.000` in Vietnamese,
 * `322,830,000` in English. Written out rather than through `Intl`, whose locale data Apps Script may not carry.
 */
export function wholeNumberText(value: number, language: Language): string {
  const grouped = Math.abs(Math.round(value))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
  return value < 0 ? `-${grouped}` : grouped;
}

/**
 * An amount with the run's decimals (money.ts), grouped as the language writes it: `1.250.000 ₫` for đồng,
 * `1,234.50` for a shop in dollars (`1.234,50` in Vietnamese).
 */
export function amountText(value: number, digits: number, language: Language): string {
  if (digits === 0) return wholeNumberText(value, language) + (language === 'vi' ? ' ₫' : '');
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.') as [string, string];
  const text = `${wholeNumberText(Number(whole), language)}${language === 'vi' ? ',' : '.'}${fraction}`;
  return value < 0 ? `-${text}` : text;
}
