#!/bin/sh
# Starts one role of Leerkring. The first argument picks it:
#
#   api          the HTTP API                 node dist/apps/api/main.js
#   worker       the BullMQ worker            node dist/apps/worker/main.js
#   migrate      apply pending migrations     node dist/apps/cli/main.js db:migrate
#   seed-demo    create the demo foundation   node dist/apps/cli/main.js seed:demo
#   <command>    any other CLI command        node dist/apps/cli/main.js <command> [args]
#   sh | node    a shell or node, for debugging
#
# Every branch uses `exec`, so node replaces this shell and receives SIGTERM itself: the API
# and the worker then shut down gracefully.
set -eu

cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  set -- api
fi

role="$1"
shift

case "$role" in
  api)
    exec node dist/apps/api/main.js "$@"
    ;;
  worker)
    exec node dist/apps/worker/main.js "$@"
    ;;
  migrate)
    exec node dist/apps/cli/main.js db:migrate "$@"
    ;;
  seed-demo)
    exec node dist/apps/cli/main.js seed:demo "$@"
    ;;
  sh | node)
    exec "$role" "$@"
    ;;
  *)
    exec node dist/apps/cli/main.js "$role" "$@"
    ;;
esac
