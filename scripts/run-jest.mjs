// Runs jest; when JEST_JSON_OUTPUT names a file, jest also writes its JSON results there (CI reads the counts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = [require.resolve('jest/bin/jest'), ...process.argv.slice(2)];
if (process.env.JEST_JSON_OUTPUT) args.push('--json', `--outputFile=${process.env.JEST_JSON_OUTPUT}`);
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
