'use strict';
// Builds an app with the Nest CLI when its bundle is missing or older than any source file.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
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

function ensureBuilt(apps) {
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
