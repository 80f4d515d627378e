import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Tests of the built bundle need dist/ as `clasp push` would upload it: build once before any test runs. */
export default function globalSetup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
