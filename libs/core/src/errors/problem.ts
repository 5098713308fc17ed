import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `address.postalCode` or `items.2.email`. */
  field: string;
  messages: string[];
}

/** RFC 9457 problem details, with our stable `code` extension. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return `urn:leerkring:problem:${code}`;
}

const DEFAULT_CODE_BY_STATUS: Record<number, { code: ErrorCode; title: string }> = {
  [HttpStatus.BAD_REQUEST]: { code: ErrorCode.ValidationFailed, title: 'Invalid request' },
  [HttpStatus.UNAUTHORIZED]: { code: ErrorCode.Unauthenticated, title: 'Authentication required' },
  [HttpStatus.FORBIDDEN]: { code: ErrorCode.Forbidden, title: 'Not allowed' },
  [HttpStatus.NOT_FOUND]: { code: ErrorCode.NotFound, title: 'Not found' },
  [HttpStatus.METHOD_NOT_ALLOWED]: { code: ErrorCode.MethodNotAllowed, title: 'Method not allowed' },
  [HttpStatus.CONFLICT]: { code: ErrorCode.Conflict, title: 'Conflict' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: { code: ErrorCode.PayloadTooLarge, title: 'Request body too large' },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: { code: ErrorCode.UnsupportedMediaType, title: 'Unsupported media type' },
  [HttpStatus.UNPROCESSABLE_ENTITY]: { code: ErrorCode.BusinessRule, title: 'Refused by a business rule' },
  [HttpStatus.TOO_MANY_REQUESTS]: { code: ErrorCode.RateLimited, title: 'Too many requests' },
  [HttpStatus.SERVICE_UNAVAILABLE]: {
    code: ErrorCode.DependencyUnavailable,
    title: 'Service temporarily unavailable',
  },
};

export function defaultsForStatus(status: number): { code: string; title: string } {
  return (
    DEFAULT_CODE_BY_STATUS[status] ??
    (status >= 500
      ? { code: ErrorCode.InternalError, title: 'Internal error' }
      : { code: `http_${status}`, title: 'Request failed' })
  );
}
