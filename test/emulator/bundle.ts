/**
 * Runs the built dist/Code.js with the emulator's services as its globals, the way Apps Script runs a pushed
 * project: one script in a fresh global scope with no Node or browser globals. Dates and errors the emulator
 * hands to the script are made with the context's own constructors, so `instanceof Date` / `instanceof Error`
 * hold inside the script as they do in Apps Script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST } from '../bundle/load-bundle';
import type { Emulator } from './index';

export { DIST };

/** Evaluates a script in a fresh context whose globals are the emulator's services. */
export function runInEmulator(emulator: Emulator, code: string, filename = 'Code.js'): vm.Context {
  const context = vm.createContext({ ...emulator.globals });
  emulator.bindRealm(context);
  vm.runInContext(code, context, { filename });
  return context;
}

export function loadBundleWithEmulator(emulator: Emulator, file = join(DIST, 'Code.js')): vm.Context {
  return runInEmulator(emulator, readFileSync(file, 'utf8'));
}

/**
 * Calls a top-level function of the bundle as google.script.run would: arguments and the result cross as
 * JSON (google.script.run passes only plain data), so the result is a host-realm plain value.
 */
export function callServer<T = unknown>(context: vm.Context, name: string, ...args: unknown[]): T {
  const fn = vm.runInContext(name, context) as unknown;
  if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of the bundle`);
  const parsedArgs = vm.runInContext('JSON.parse', context)(JSON.stringify(args)) as unknown[];
  const result = (fn as (...a: unknown[]) => unknown)(...parsedArgs);
  return (
    result === undefined ? undefined : JSON.parse(vm.runInContext('JSON.stringify', context)(result))
  ) as T;
}
