import { HttpException } from '@nestjs/common';
import { ErrorCode } from './error-codes';
import type { FieldProblem } from './problem';

export interface ApiExceptionOptions {
  detail?: string;
  errors?: FieldProblem[];
  /** Extra members for the problem document (e.g. `clashesWith`); never personal data of others. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The one exception our code throws for an expected refusal. The problem filter turns it into
 * problem+json with the given status, stable code and title.
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode | string,
    readonly title: string,
    readonly problem: ApiExceptionOptions = {},
  ) {
    super({ code, title, ...problem }, status);
  }

  static notFound(what = 'The resource'): ApiException {
    return new ApiException(404, ErrorCode.NotFound, 'Not found', {
      detail: `${what} does not exist or is not visible to you.`,
    });
  }

  static conflict(code: string, title: string, options?: ApiExceptionOptions): ApiException {
    return new ApiException(409, code, title, options);
  }

  static businessRule(code: string, title: string, options?: ApiExceptionOptions): ApiException {
    return new ApiException(422, code, title, options);
  }

  static validation(errors: FieldProblem[]): ApiException {
    return new ApiException(400, ErrorCode.ValidationFailed, 'Invalid request', {
      detail: `${errors.length} field(s) are invalid: ${errors.map((error) => error.field).join(', ')}.`,
      errors,
    });
  }
}
