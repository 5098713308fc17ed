import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, ApiException, ErrorCode, type AppConfig } from '@leerkring/core';
import { SESSION_COOKIE } from '../auth/auth.constants';
import { Authenticator } from '../auth/authenticator';
import { PUBLIC_ROUTE, REQUIRED_ROLES, REQUIRED_SCOPE } from './access.decorators';
import type { Actor, ApiScope, SystemRole } from './actor';

export type AuthenticatedRequest = Request & { actor?: Actor; sessionId?: string; id?: string };

/** The presented credential: `Authorization: Bearer …` first, else the session cookie. */
export function credentialOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Could this request have been sent by a page of another site, riding on our session cookie?
 * Browsers say where a request comes from: `Sec-Fetch-Site` (all current browsers) and `Origin`
 * (on every POST, PUT, PATCH and DELETE). Requests without either come from programs, not from
 * a page a victim visits, and are no CSRF risk.
 */
export function isCrossSite(request: Request, ownOrigins: readonly string[]): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return true;
  }
  const origin = request.headers.origin;
  if (origin === undefined) {
    return false;
  }
  const host = request.headers.host;
  return !ownOrigins.includes(origin) && !(host && (origin === `http://${host}` || origin === `https://${host}`));
}

/**
 * The first step of every request (registered globally): who is calling, and may their role
 * use this route at all? Relationship checks ("is this their coachee?") follow in the services,
 * through AccessPolicy, and answer 404 for what the caller may not see.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = credentialOf(request);
    const authenticated = token ? await this.authenticator.authenticate(token) : null;
    if (!authenticated) {
      throw new ApiException(401, ErrorCode.Unauthenticated, 'Authentication required', {
        detail: 'Sign in, or send a valid bearer token.',
        headers: { 'WWW-Authenticate': 'Bearer realm="leerkring"' },
      });
    }
    // A cookie is sent by the browser whoever made the page; a bearer token only by our own code.
    if (
      !request.headers.authorization &&
      !SAFE_METHODS.has(request.method) &&
      isCrossSite(request, [new URL(this.config.publicUrl).origin, ...this.config.corsOrigins])
    ) {
      throw new ApiException(403, 'cross_site_request', 'Cross-site request refused', {
        detail: 'A change with the session cookie must come from a Leerkring page.',
      });
    }
    request.actor = authenticated.actor;
    request.sessionId = authenticated.sessionId;

    const roles = this.reflector.getAllAndOverride<SystemRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => authenticated.actor.roles.has(role))) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Not allowed', {
        detail: `This needs one of these roles: ${roles.join(', ')}.`,
      });
    }
    const scopes = authenticated.actor.scopes;
    if (scopes) {
      const needed =
        this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets) ??
        (['GET', 'HEAD', 'OPTIONS'].includes(request.method) ? 'read' : 'write');
      if (!scopes.has(needed)) {
        throw new ApiException(403, 'insufficient_scope', 'Token scope too narrow', {
          detail: `This API token lacks the "${needed}" scope.`,
        });
      }
    }
    return true;
  }
}
