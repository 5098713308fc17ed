import type { Request } from 'express';
import type { Actor, RequestContext } from '@leerkring/people';

/** The request id pino-http gave this request (or the caller sent), for the audit log. */
export function requestIdOf(request: Request): string | null {
  const id: unknown = request.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** Who called and which request it was: what services put in their audit events. */
export function requestContext(actor: Actor, request: Request): RequestContext {
  return { actor, requestId: requestIdOf(request) };
}
