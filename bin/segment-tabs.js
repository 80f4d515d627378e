#!/usr/bin/env node
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bin script: npx runs it with plain node */
// Runs the command line built by `npm run build:cli` (scripts/build-cli.mjs) into dist-cli/.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist-cli', 'segment-tabs.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('segment-tabs: the command line is not built yet; run `npm run build:cli` first.\n');
  process.exitCode = 1;
} else {
  const { main } = require(bundle);
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
    (code) => {
      // exitCode (not exit()) lets stdout finish writing when it is a pipe.
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`segment-tabs: ${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
