#!/usr/bin/env node
// `npm start`: build if needed, apply migrations, seed the demo foundation into an empty
// database, then run the API and the worker together. Ctrl-C (or SIGTERM) stops both
// gracefully; if either stops on its own, the other is stopped too.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureBuilt } = require('./build-if-needed');

const root = join(__dirname, '..');
const node = process.execPath;
const cli = (...args) =>
  spawnSync(node, [join(root, 'dist/apps/cli/main.js'), ...args], { cwd: root, stdio: 'inherit' });

ensureBuilt(['api', 'worker', 'cli']);
for (const step of [['db:migrate'], ['seed:demo', '--if-empty']]) {
  const result = cli(...step);
  if (result.status !== 0) {
    console.error(`leerkring: "${step.join(' ')}" failed; not starting.`);
    process.exit(result.status ?? 1);
  }
}

const children = ['api', 'worker'].map((app) => {
  // Own process group, so a Ctrl-C reaches only us and each app gets exactly one SIGTERM from us;
  // the IPC channel lets an app notice if we die without a word (it then shuts down by itself).
  const child = spawn(node, [join(root, 'dist/apps', app, 'main.js')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' },
  });
  return {
    app,
    child,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))),
  };
});

let stopping = false;
function stopAll(signal) {
  if (stopping) {
    return;
  }
  stopping = true;
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll('SIGTERM'));
}
for (const { app, child } of children) {
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`leerkring: ${app} stopped (exit ${code}); stopping the rest.`);
      process.exitCode = code || 1;
      stopAll('SIGTERM');
    }
  });
}

void Promise.all(children.map(({ exited }) => exited)).then((codes) => {
  process.exit(process.exitCode ?? (codes.every((code) => code === 0) ? 0 : 1));
});
