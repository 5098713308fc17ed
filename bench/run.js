#!/usr/bin/env node
// Runs one benchmark: `node bench/run.js <name> [--flag value ...]` runs bench/<name>.bench.ts.
// `npm run bench:<name>` calls this. See docs/benchmarks.md.
'use strict';
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const name = process.argv[2];
const available = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));

if (!name || !/^[a-z0-9-]+$/.test(name) || !available.includes(name)) {
  console.error(`usage: node bench/run.js <name> [--flag value ...]\nbenchmarks: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

// TypeScript straight from the source, transpiled by swc: no type check (tsc does that), decorators
// and their metadata as Nest needs them (ts-node maps experimentalDecorators/emitDecoratorMetadata).
// ts-node 10 has no TS_NODE_SWC variable, so swc is switched on here rather than in the environment.
process.env.TS_NODE_PROJECT = join(root, 'tsconfig.json');
require('ts-node').register({ project: process.env.TS_NODE_PROJECT, swc: true });
require('tsconfig-paths/register');

// The bench sees only its own flags.
process.argv.splice(2, 1);

// Before the bench (and Leerkring's config module, which reads the environment when it is loaded)
// is imported: point DATABASE_URL and REDIS_PREFIX at what this bench owns.
require('./lib/environment').prepareBenchEnvironment(name);
require(join(__dirname, `${name}.bench.ts`));
