/**
 * What reaches the sidebar when a server call fails. Our own errors (UserError, EngineError) are already in the
 * user's language and pass as they are; anything else (Apps Script's "Service Spreadsheets failed…",
 * "Exception: …") is wrapped in a sentence of the user's language that says what failed and what to do, with
 * Apps Script's own text kept at the end, as a failed run's message is.
 */
import { EngineError } from '../core/errors';
import { say } from '../core/i18n';
import type { Language } from '../shared/api';
import { UserError } from '../sheets/user-error';

/** Wraps an unexpected error; a message already meant for the user passes unchanged. */
export function wrapServerError(error: unknown, language: Language): Error {
  if (error instanceof UserError || error instanceof EngineError) return new Error(error.message);
  const detail = (error instanceof Error ? error.message : String(error)).replace(/^Exception: /, '');
  return new Error(
    say(
      language,
      `Google Sheets báo lỗi, chưa làm được việc này. Hãy thử lại sau ít phút. (Chi tiết: ${detail})`,
      `Google Sheets reported an error, so this could not be done. Try again in a minute. (Details: ${detail})`,
    ),
  );
}

/** `fn` with its failures wrapped; `language` picks the user's language from the call's arguments. */
export function guarded<A extends unknown[], R>(
  fn: (...args: A) => R,
  language: (...args: A) => Language,
): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      let lang: Language = 'en';
      try {
        lang = language(...args);
      } catch {
        // The language itself could not be read: English.
      }
      throw wrapServerError(error, lang);
    }
  };
}
