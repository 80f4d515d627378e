// Builds the command line into one CommonJS file, dist-cli/segment-tabs.cjs, which bin/segment-tabs.js runs.
// ExcelJS and JSZip stay external: they are runtime dependencies, installed beside the package.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist-cli', 'segment-tabs.cjs');

await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['exceljs', 'jszip'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`Built ${outfile}`);
