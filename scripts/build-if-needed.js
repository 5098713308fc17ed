'use strict';
// Builds an app with the Nest CLI when its bundle is missing or older than any source file.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const SOURCES = ['apps', 'libs', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

const LOCK = join(root, 'dist', '.build-lock');
const STALE_LOCK_MS = 10 * 60_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Several test runs (or `npm start` beside a test run) may want a build at once; one builds,
// the others wait and then find the bundle fresh. A lock left by a killed build goes stale.
function withBuildLock(work) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function ensureBuilt(apps) {
  withBuildLock(() => buildStale(apps));
}

function buildStale(apps) {
  const sourcesChanged = Math.max(
    ...SOURCES.filter((s) => existsSync(join(root, s))).map((s) => newestMtime(join(root, s))),
  );
  for (const app of apps) {
    const bundle = join(root, 'dist/apps', app, 'main.js');
    if (existsSync(bundle) && statSync(bundle).mtimeMs >= sourcesChanged) {
      continue;
    }
    console.log(`building ${app} ...`);
    const result = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      process.exit(result.status ?? 1);
    }
  }
}

module.exports = { ensureBuilt };
