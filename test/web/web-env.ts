import { execFileSync } from 'node:child_process';

// Imported first by the browser tests: the API's configuration is read when its modules load, and
// the links in mails (PUBLIC_URL) must lead the browser back to this test's API. So the port is
// chosen here, before anything starts, and the API listens on it.
const FREE_PORT = `const s = require('node:net').createServer().listen(0, '127.0.0.1', () => {
  console.log(s.address().port);
  s.close();
});`;

export const WEB_PORT = Number(execFileSync(process.execPath, ['-e', FREE_PORT], { encoding: 'utf8' }).trim());
export const WEB_URL = `http://127.0.0.1:${WEB_PORT}`;
process.env.PUBLIC_URL = WEB_URL;
