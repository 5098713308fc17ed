// Turns Nagle's algorithm off (TCP_NODELAY) on the SMTP client sockets of a process, to measure
// what that changes; nothing else is touched. A bench preloads it into an app it starts
// (NODE_OPTIONS="--require .../smtp-nodelay.js" with BENCH_SMTP_NODELAY_PORT=<sink port>) and
// calls install(port) in its own process. Only sockets that nodemailer opens with net.connect to
// that port are affected (MariaDB and Redis connections keep their own settings).
'use strict';
const net = require('node:net');

let installedPort = 0;

function install(port) {
  if (installedPort !== 0 || !(port > 0)) {
    return;
  }
  installedPort = port;
  const connect = net.connect;
  net.connect = function connectWithoutNagleToSmtp(...args) {
    const socket = connect.apply(this, args);
    const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0] };
    if (Number(options.port) === installedPort) {
      socket.setNoDelay(true);
    }
    return socket;
  };
}

install(Number(process.env.BENCH_SMTP_NODELAY_PORT));

module.exports = { install };
