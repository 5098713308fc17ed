#!/usr/bin/env node
// Runs a command of the compiled CLI (dist/apps/cli/main.js), building it first if needed.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureBuilt } = require('./build-if-needed');

ensureBuilt(['cli']);
const result = spawnSync(process.execPath, [join(__dirname, '../dist/apps/cli/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
