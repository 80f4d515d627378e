/**
 * What the browser tests share: the preview server (scripts/preview.mjs, started as a child on a free port)
 * and Debian's Chromium driven by playwright-core. A missing Chromium fails the tests with the command that
 * installs it: a skipped browser test would hide a broken sidebar.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';

export interface Preview {
  url: string;
  stop(): Promise<void>;
  /** POSTs to one of the preview's own controls (/paste, /reset, /fail). */
  post(path: string, body?: unknown): Promise<{ ok: boolean; error?: { message: string } }>;
  /** The emulated spreadsheet's tabs as the view gets them. */
  state(): Promise<{
    version: number;
    active: string;
    tabs: { name: string; colour: string | null; hidden: boolean }[];
  }>;
}

/** Starts `node scripts/preview.mjs --port 0` and resolves once it prints its URL. */
export function startPreview(extraArgs: string[] = []): Promise<Preview> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'preview.mjs'), '--port', '0', ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The preview server did not start within 60 s. Output:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Preview: (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      const post = async (path: string, body: unknown = {}) => {
        const response = await fetch(new URL(path, url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return (await response.json()) as { ok: boolean; error?: { message: string } };
      };
      resolve({
        url,
        post,
        state: async () =>
          (await (await fetch(new URL('/state', url))).json()) as Awaited<ReturnType<Preview['state']>>,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The preview server exited with code ${code}. Output:\n${output}`));
    });
  });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the browser tests need it. ` +
        'Install it with: sudo apt-get update && sudo apt-get install -y chromium',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The sidebar's frame inside the preview page, once its script has painted the first step. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="sidebar-frame"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sidebar frame has no document');
  await frame.waitForSelector('[data-testid="step-data"]');
  return frame;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** What a browser test file drives: the preview server, Chromium, a fresh page per test and its dialogs. */
export interface PreviewSession {
  preview: Preview;
  browser: Browser;
  page: Page;
  /** Alerts, confirms and prompts any frame opened in this test (each is dismissed). */
  dialogs: string[];
}

/**
 * Registers the hooks every sidebar browser test needs: Chromium and the preview server once per file (Chromium
 * first, so a missing browser fails with its install command and leaves no server running), a reset preview and
 * a new 1280×900 page per test, dialogs recorded and dismissed.
 */
export function previewSession(options: { acceptDownloads?: boolean } = {}): PreviewSession {
  const session = {} as PreviewSession;
  beforeAll(async () => {
    session.browser = await launchChromium();
    session.preview = await startPreview();
  }, 120_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.preview?.stop();
  });
  beforeEach(async () => {
    expect(await session.preview.post('/reset')).toMatchObject({ ok: true });
    session.page = await session.browser.newPage({
      viewport: { width: 1280, height: 900 },
      ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    session.dialogs = [];
    session.page.on('dialog', (dialog) => {
      session.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterEach(async () => {
    await session.page?.close();
  });
  return session;
}
