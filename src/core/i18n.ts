import type { Language } from './options';

/** Picks the sentence of the user's language; both are written side by side where the message is made. */
export function say(language: Language, vi: string, en: string): string {
  return language === 'vi' ? vi : en;
}
