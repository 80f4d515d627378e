// Builds dist/ exactly as `clasp push` uploads it:
//   Code.js        the server bundle (webpack + esbuild-loader), with gas-webpack-plugin writing one top-level
//                  `function name() {}` stub per server entry point, so menus, triggers and google.script.run see them;
//   Sidebar.html   the sidebar page with its script and styles inlined (HtmlService serves a single file);
//   appsscript.json the manifest.
import { build as esbuild } from 'esbuild';
import { EsbuildPlugin } from 'esbuild-loader';
import GasPlugin from 'gas-webpack-plugin';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function buildServer() {
  const config = {
    mode: 'production',
    context: root,
    entry: './src/server/index.ts',
    // Eval-based devtools would hide the `global.x = …` assignments the plugin looks for.
    devtool: false,
    output: { path: dist, filename: 'Code.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020' } }],
    },
    optimization: {
      // format: undefined keeps esbuild's minifier from wrapping the file in an IIFE that would swallow the stubs.
      minimizer: [
        new EsbuildPlugin({
          target: 'es2020',
          format: undefined,
          minifyIdentifiers: true,
          minifySyntax: true,
          minifyWhitespace: false,
        }),
      ],
    },
    performance: { hints: false },
    plugins: [new GasPlugin({ comment: false })],
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

async function buildSidebar() {
  const result = await esbuild({
    entryPoints: [join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    loader: { '.css': 'text' },
  });
  const js = result.outputFiles[0].text;
  const css = readFileSync(join(root, 'src/sidebar/sidebar.css'), 'utf8');
  const page = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8');
  // A literal "</script" inside the inlined code would end the script element early.
  const safeJs = js.replace(/<\/script/gi, '<\\/script');
  const html = page.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => safeJs);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await Promise.all([buildServer(), buildSidebar()]);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
console.log('Built dist/: Code.js, Sidebar.html, appsscript.json');
