import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const DIST = join(__dirname, '..', '..', 'dist');

/**
 * Loads dist/Code.js the way Apps Script does: one script evaluated in a fresh global scope that has the
 * Apps Script services and nothing of Node (no require, module, process) or of a browser (no window, document).
 * `services` are evaluated inside the context, so objects they make pass `instanceof` checks there.
 */
export function loadBundle(services: Record<string, unknown>): vm.Context {
  const context = vm.createContext({ ...services });
  vm.runInContext(readFileSync(join(DIST, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return context;
}

/** The names of the top-level function declarations in Code.js: what Apps Script lists as callable. */
export function topLevelFunctionNames(): string[] {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}
