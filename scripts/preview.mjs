// `npm run preview`: the add-on in a browser, without a Google account.
//
// Serves dist/Sidebar.html (the file `clasp push` uploads) in a 300 px frame beside a view of an emulated
// spreadsheet preloaded with the sample shop. The sidebar's `google.script.run` is bridged to POST /call/<fn>,
// which runs the built dist/Code.js on the in-memory Apps Script emulator (test/emulator) in a worker thread.
//
// Why a worker: `runSegmentation` is synchronous, as in Apps Script. While it runs, the sidebar polls
// `getProgress`, which Apps Script answers from a separate execution reading the shared document cache. Here
// the run's cache writes are mirrored to this thread, and `getProgress` runs Code.js in a second vm context
// whose CacheService reads that mirror: the same bundle, the same separation.
//
// Options: --port N (default 8300; 0 picks a free port), --host H (default 127.0.0.1), --lang vi|en (the
// user's locale, which the sidebar starts in; default vi).
// Prints "Preview: http://host:port/" once it is ready. Routes are listed in handle() below.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const here = join(root, 'scripts', 'preview');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

for (const file of ['Code.js', 'Sidebar.html']) {
  if (!existsSync(join(dist, file))) {
    console.error(`dist/${file} is missing: run "npm run build" first (npm run preview does).`);
    process.exit(1);
  }
}

/** Bundles a TypeScript entry in memory: the backend for node, the page scripts for the browser. */
async function bundle(entry, platform) {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    target: platform === 'node' ? 'node20' : 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

// Read once: the preview serves the build it started with, even if dist/ is rebuilt meanwhile.
const serverCode = readFileSync(join(dist, 'Code.js'), 'utf8');
const sidebarHtml = readFileSync(join(dist, 'Sidebar.html'), 'utf8');

const [backendCode, viewCode, shimCode] = await Promise.all([
  bundle('backend.ts', 'node'),
  bundle('view.ts', 'browser'),
  bundle('shim.ts', 'browser'),
]);

/**
 * The document cache shared by executions, as Apps Script's CacheService is: the run (in the worker) writes,
 * the progress execution (here) reads. Entries carry the expiry instant the emulator gave them.
 */
const documentCache = new Map();
function cacheGet(key) {
  const entry = documentCache.get(key);
  if (!entry) return null;
  if (entry.expires <= Date.now()) {
    documentCache.delete(key);
    return null;
  }
  return entry.value;
}

/** A second execution of Code.js that only reaches the cache: what answers getProgress during a run. */
const sideExecution = vm.createContext({
  CacheService: {
    getDocumentCache: () => ({
      get: (key) => cacheGet(String(key)),
      getAll: (keys) =>
        Object.fromEntries(keys.map((key) => [key, cacheGet(String(key))]).filter(([, v]) => v)),
    }),
  },
});
vm.runInContext(serverCode, sideExecution, { filename: 'Code.js' });
/** Functions answered by the side execution: they read only the cache, so they run while a run is going. */
const CACHE_ONLY = new Set(['getProgress']);

// The worker holds the spreadsheet and runs every other call, one at a time, as Apps Script serialises
// executions that take the document lock (and the emulator is one spreadsheet).
const worker = new Worker(backendCode, {
  eval: true,
  workerData: { root, serverCode, language: option('lang', 'vi') },
});
let nextId = 1;
const pending = new Map();
/** Bumped whenever the spreadsheet may have changed, so the view knows to fetch it again. */
let version = 0;

worker.on('message', (message) => {
  if (message.type === 'cache') {
    if (message.clear) documentCache.clear();
    for (const [key, value, expires] of message.puts) documentCache.set(key, { value, expires });
    for (const key of message.removes) documentCache.delete(key);
    return;
  }
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  if (message.changed) version++;
  waiting(message);
});
worker.on('error', (error) => {
  console.error('Preview backend failed:', error);
  process.exit(1);
});

function ask(type, payload = {}) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, type, ...payload });
  });
}

const ready = await ask('init');
if (!ready.ok) {
  console.error(`Preview backend could not start: ${ready.error.message}`);
  process.exit(1);
}

/** google.script.run's rules: arguments and results cross as JSON-like data; a Date or function fails. */
function runSideExecution(name, args) {
  try {
    const value = vm.runInContext(name, sideExecution)(...JSON.parse(JSON.stringify(args)));
    return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    return { ok: false, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } };
  }
}

function sidebarPage() {
  // The shim goes first in <head>, so google.script.run exists before the sidebar's script runs.
  return sidebarHtml.replace(
    '<head>',
    () => `<head>\n<script>${shimCode.replace(/<\/script/gi, '<\\/script')}</script>`,
  );
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
const json = (response, status, value) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function handle(request, response) {
  const url = new URL(request.url, 'http://preview');
  const path = url.pathname;
  if (request.method === 'GET' && path === '/') {
    return send(response, 200, 'text/html; charset=utf-8', readFileSync(join(here, 'page.html'), 'utf8'));
  }
  if (path === '/favicon.ico') return send(response, 204, 'text/plain', '');
  if (request.method === 'GET' && path === '/view.js')
    return send(response, 200, 'text/javascript', viewCode);
  if (request.method === 'GET' && path === '/sidebar')
    return send(response, 200, 'text/html; charset=utf-8', sidebarPage());
  // The emulated spreadsheet: tab list and version; one tab's cells.
  if (request.method === 'GET' && path === '/state') {
    const answer = await ask('state');
    return json(response, 200, { version, ...answer.value });
  }
  if (request.method === 'GET' && path === '/tab') {
    const answer = await ask('tab', { name: url.searchParams.get('name') ?? '' });
    return answer.ok ? json(response, 200, answer.value) : json(response, 404, answer);
  }
  if (request.method === 'POST' && path.startsWith('/call/')) {
    const name = decodeURIComponent(path.slice('/call/'.length));
    const args = (await readBody(request)).args ?? [];
    const answer = CACHE_ONLY.has(name) ? runSideExecution(name, args) : await ask('call', { name, args });
    return json(response, 200, { ok: answer.ok, value: answer.value, error: answer.error });
  }
  // The preview's own controls: add a CSV or pasted cells as a tab, add an .xlsx's sheets as tabs, start over
  // with the sample shop, make the next run fail, show a tab (a click on the view's tab bar).
  if (request.method === 'POST' && ['/paste', '/xlsx', '/reset', '/fail', '/activate'].includes(path)) {
    const answer = await ask(path.slice(1), await readBody(request));
    return json(response, answer.ok ? 200 : 400, answer);
  }
  return send(response, 404, 'text/plain', 'Not found');
}

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    json(response, 500, { ok: false, error: { message: error?.message ?? String(error) } });
  });
});
const host = option('host', '127.0.0.1');
server.listen(Number(option('port', '8300')), host, () => {
  const { port } = server.address();
  console.log(`Preview: http://${host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    void worker.terminate().then(() => process.exit(0));
  });
}
