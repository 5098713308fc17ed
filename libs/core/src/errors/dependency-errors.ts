/**
 * Errors that mean "a dependency (MySQL, Redis) is unreachable right now", not "the request is
 * wrong". The API answers 503 for these, so clients and load balancers retry.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
]);

const UNAVAILABLE_NAMES = new Set(['MaxRetriesPerRequestError', 'CannotConnectAlreadyConnectedError']);

export function isDependencyUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') {
    return false;
  }
  const candidate = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: unknown;
    fatal?: unknown;
  };
  if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) {
    return true;
  }
  if (typeof candidate.name === 'string' && UNAVAILABLE_NAMES.has(candidate.name)) {
    return true;
  }
  if (candidate.fatal === true) {
    return true;
  }
  if (
    typeof candidate.message === 'string' &&
    /Connection is closed|Pool is closed|connect ECONNREFUSED/.test(candidate.message)
  ) {
    return true;
  }
  return candidate.driverError !== undefined && isDependencyUnavailable(candidate.driverError);
}
