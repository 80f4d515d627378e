'use strict';
/* global process */
// Preloaded (`node --require`) into the CLI's process by bench/run.mjs: reports the process's peak resident
// set on stderr as it exits, so the CLI run is measured end to end without changing the CLI.
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
