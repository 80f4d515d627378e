/**
 * Run progress for the sidebar's bar. The run writes its step to the document cache; the sidebar polls
 * `getProgress` (a separate execution) while `runSegmentation` is still running. The cache is a separate,
 * fast service, not a spreadsheet round trip; a run still looks the cache up once, not at every step.
 */
import type { Progress } from '../shared/api';

const CACHE_SECONDS = 600;
const cacheKey = (runId: string) => `segment-tabs:progress:${runId}`;

export type ProgressReporter = (progress: Progress) => void;

/** A reporter for one run: the document cache is looked up at its first report and reused after. */
export function progressReporter(): ProgressReporter {
  let cache: GoogleAppsScript.Cache.Cache | null | undefined;
  return (progress) => {
    if (cache === undefined) cache = CacheService.getDocumentCache();
    cache?.put(cacheKey(progress.runId), JSON.stringify(progress), CACHE_SECONDS);
  };
}

export function readProgress(runId: string): Progress | null {
  const text = CacheService.getDocumentCache()?.get(cacheKey(runId));
  return text ? (JSON.parse(text) as Progress) : null;
}
