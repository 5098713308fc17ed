#!/usr/bin/env node
// Keeps package-lock.json installable with `npm ci` everywhere.
//
// Packages such as @swc/core, jest's resolver and msgpackr ship their native code as optional,
// per-platform packages. When the registry an install runs against does not serve some of those
// (a partial mirror), `npm install` silently leaves them out of the lock file, and `npm ci` then
// refuses the lock as out of sync. This adds the missing optional entries (name and version
// only); `npm ci` then skips them where they do not apply or cannot be fetched, as it does for
// any optional dependency. Runs after every `npm install` (postinstall); changes nothing when
// the lock is complete.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const lockPath = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};
let added = 0;

function resolvesFrom(location, name) {
  // Node's lookup: node_modules beside the package, then each parent's, then the root's.
  let dir = location;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) {
      return true;
    }
    if (!dir) {
      return false;
    }
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!resolvesFrom(location, name) && /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      packages[`node_modules/${name}`] = { version: spec, optional: true };
      added += 1;
    }
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: added ${added} optional platform package(s) the registry did not serve`);
}
