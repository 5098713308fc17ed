#!/usr/bin/env node
// Runs one drill: `node drills/run.js <name> [--flag value ...]` runs drills/<name>.drill.ts.
// `npm run drill:<name>` calls this. See docs/drills.md.
'use strict';
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const name = process.argv[2];
const available = readdirSync(__dirname)
  .filter((file) => file.endsWith('.drill.ts'))
  .map((file) => file.replace(/\.drill\.ts$/, ''));

if (!name || !/^[a-z0-9-]+$/.test(name) || !available.includes(name)) {
  console.error(`usage: node drills/run.js <name> [--flag value ...]\ndrills: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

// As bench/run.js: TypeScript from the source through swc, no type check (tsc does that).
process.env.TS_NODE_PROJECT = join(root, 'tsconfig.json');
require('ts-node').register({ project: process.env.TS_NODE_PROJECT, swc: true });
require('tsconfig-paths/register');

process.argv.splice(2, 1);

// Before Leerkring's config module (which reads the environment once, when imported) is loaded:
// point DATABASE_URL, REDIS_URL and REDIS_PREFIX at what this drill owns.
require('./lib/environment').prepareDrillEnvironment(name);
require(join(__dirname, `${name}.drill.ts`));
