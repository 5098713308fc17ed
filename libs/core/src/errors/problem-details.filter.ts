import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiException } from './api.exception';
import { isDependencyUnavailable } from './dependency-errors';
import { ErrorCode } from './error-codes';
import { PROBLEM_CONTENT_TYPE, defaultsForStatus, problemType, type ProblemDetails } from './problem';

/** body-parser's errors carry a `type` and an HTTP status. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number' &&
    (error as BodyParserError).type.startsWith('entity.')
  );
}

/**
 * The one place that turns anything thrown into RFC 9457 problem+json. Expected refusals keep
 * their status and code; bad bodies become 400/413; an unreachable dependency becomes 503;
 * anything else is a 500 that is logged with its stack but shows no internals to the caller.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl?.split('?')[0];
    if (request.id !== undefined) {
      problem.requestId = String(request.id);
    }
    if (problem.status >= 500) {
      this.logger.error(
        { err: exception, code: problem.code },
        problem.status === 503 ? 'dependency unavailable' : 'unhandled error',
      );
    }
    if (response.headersSent) {
      return;
    }
    if (exception instanceof ApiException && exception.problem.headers) {
      response.set(exception.problem.headers);
    }
    if (problem.status === 503) {
      response.set('Retry-After', '5');
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ApiException) {
      return this.build(exception.getStatus(), exception.code, exception.title, exception.problem.detail, {
        ...(exception.problem.errors ? { errors: exception.problem.errors } : {}),
        ...exception.problem.extensions,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const defaults = defaultsForStatus(status);
      const message = this.messageOf(exception);
      if (status === Number(HttpStatus.NOT_FOUND) && /^Cannot [A-Z]+ /.test(message)) {
        return this.build(404, ErrorCode.RouteNotFound, 'No such route', `${message.replace(/\?.*$/, '')}.`);
      }
      // Nest turns body-parser's SyntaxError (bad JSON) and Express's URIError (bad %-encoding)
      // into a plain BadRequestException; our own code throws ApiException instead.
      if (status === Number(HttpStatus.BAD_REQUEST)) {
        return /JSON|Unexpected (token|end|non-whitespace)/i.test(message)
          ? this.build(400, ErrorCode.MalformedBody, 'Malformed request body', 'The body is not valid JSON.')
          : this.build(400, ErrorCode.MalformedRequest, 'Malformed request', message.slice(0, 200));
      }
      // Terminus reports which dependency is down; keep that for operators.
      const body = exception.getResponse() as { details?: unknown };
      const checks = typeof body === 'object' && body.details ? { checks: body.details } : {};
      return this.build(status, defaults.code, defaults.title, status < 500 ? message : undefined, checks);
    }
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.too.large') {
        return this.build(
          413,
          ErrorCode.PayloadTooLarge,
          'Request body too large',
          'The request body exceeds the limit.',
        );
      }
      if (exception.type === 'entity.parse.failed') {
        return this.build(400, ErrorCode.MalformedBody, 'Malformed request body', 'The body is not valid JSON.');
      }
      const status = exception.status >= 400 && exception.status < 500 ? exception.status : 400;
      return this.build(status, ErrorCode.MalformedBody, 'Unreadable request body', 'The body could not be read.');
    }
    if (isDependencyUnavailable(exception)) {
      return this.build(
        503,
        ErrorCode.DependencyUnavailable,
        'Service temporarily unavailable',
        'A service Leerkring depends on is unreachable. Please try again shortly; nothing was changed.',
      );
    }
    return this.build(
      500,
      ErrorCode.InternalError,
      'Internal error',
      'Something went wrong on our side. It has been logged.',
    );
  }

  private messageOf(exception: HttpException): string {
    const body = exception.getResponse();
    if (typeof body === 'string') {
      return body;
    }
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  }

  private build(
    status: number,
    code: string,
    title: string,
    detail?: string,
    extensions: Record<string, unknown> = {},
  ): ProblemDetails {
    return { type: problemType(code), title, status, code, ...(detail ? { detail } : {}), ...extensions };
  }
}
