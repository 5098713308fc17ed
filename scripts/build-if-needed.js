'use strict';
// Builds an app when its bundle is missing or older than any of its source files: the Nest apps
// with the Nest CLI, the browser app (apps/web, served by the API) with Vite.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const SOURCES = ['apps', 'libs', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'];
const WEB_APP = join(root, 'apps/web');
const WEB_SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mjs', 'package-lock.json'];

function newestMtime(path, skip) {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(path).reduce(
    (newest, entry) => (join(path, entry) === skip ? newest : Math.max(newest, newestMtime(join(path, entry), skip))),
    stat.mtimeMs,
  );
}

const newestOf = (sources, skip) =>
  Math.max(...sources.filter((s) => existsSync(join(root, s))).map((s) => newestMtime(join(root, s), skip)));

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

/** The API serves the browser app, so asking for `api` builds `web` too. */
function ensureBuilt(apps) {
  withBuildLock(() => buildStale(apps.includes('api') && !apps.includes('web') ? [...apps, 'web'] : apps));
}

function buildWebIfStale() {
  const bundle = join(root, 'dist/apps/web/index.html');
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestOf(WEB_SOURCES)) {
    return;
  }
  console.log('building web ...');
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(WEB_APP, 'vite.config.mjs'),
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

function buildStale(apps) {
  // The browser app is no source of the Nest bundles: changing it rebuilds only itself.
  const sourcesChanged = newestOf(SOURCES, WEB_APP);
  for (const app of apps) {
    if (app === 'web') {
      buildWebIfStale();
      continue;
    }
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
