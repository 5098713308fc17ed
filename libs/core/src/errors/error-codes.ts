/**
 * Stable, machine-readable problem codes. Clients switch on these; never rename one.
 * Domain libraries add theirs here so the whole list is documented in one place.
 */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  MalformedBody = 'malformed_body',
  MalformedRequest = 'malformed_request',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  RouteNotFound = 'route_not_found',
  MethodNotAllowed = 'method_not_allowed',
  Conflict = 'conflict',
  StaleVersion = 'stale_version',
  BusinessRule = 'business_rule',
  RateLimited = 'rate_limited',
  DependencyUnavailable = 'dependency_unavailable',
  InternalError = 'internal_error',
}
