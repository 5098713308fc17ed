import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, ApiScope, SystemRole } from './actor';

export const PUBLIC_ROUTE = 'leerkring:public';
export const REQUIRED_ROLES = 'leerkring:roles';
export const REQUIRED_SCOPE = 'leerkring:scope';

/** Open to anyone, no credentials needed (health, login). Every other route needs a caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs at least one of these system roles; relationship checks follow in the service. */
export const Roles = (...roles: SystemRole[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/**
 * For personal API tokens: the scope the route needs. GET routes need `read` and the others
 * `write` unless a route says otherwise.
 */
export const Scope = (scope: ApiScope): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPE, scope);

/** The authenticated caller, as resolved by the AccessGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) {
    throw new Error('CurrentActor used on a route without an authenticated caller (is it @Public?)');
  }
  return request.actor;
});
