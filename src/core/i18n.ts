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
