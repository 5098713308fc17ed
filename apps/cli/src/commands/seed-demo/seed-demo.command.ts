import type { CliCommand } from '../command';

export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  description: 'create the demo foundation (idempotent); --if-empty only seeds an empty database',
  run() {
    return Promise.reject(new Error('not written yet'));
  },
};
