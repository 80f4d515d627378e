/**
 * Run progress for the sidebar's bar. The run writes its step to the document cache; the sidebar polls
 * `getProgress` (a separate execution) while `runSegmentation` is still running. The cache is a separate,
 * fast service, not a spreadsheet round trip.
 */
import type { Progress } from '../shared/api';

const CACHE_SECONDS = 600;
const cacheKey = (runId: string) => `segment-tabs:progress:${runId}`;

export function reportProgress(progress: Progress): void {
  CacheService.getDocumentCache()?.put(cacheKey(progress.runId), JSON.stringify(progress), CACHE_SECONDS);
}

export function readProgress(runId: string): Progress | null {
  const text = CacheService.getDocumentCache()?.get(cacheKey(runId));
  return text ? (JSON.parse(text) as Progress) : null;
}
