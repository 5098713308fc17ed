import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, PROBLEM_CONTENT_TYPE, problemType } from '@leerkring/core';
import { ALL_QUEUES, JobQueue } from '@leerkring/notifications';
import { Authenticator, credentialOf, type AuthenticatedRequest } from '@leerkring/people';

/** Where the dashboard lives: outside `/api/v1`, since it is a page for people, not an API. */
export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

function refuse(
  request: Request,
  response: Response,
  status: 401 | 403,
  code: string,
  title: string,
  detail: string,
): void {
  if (status === 401) {
    response.set('WWW-Authenticate', 'Bearer realm="leerkring"');
  }
  const id: unknown = (request as AuthenticatedRequest).id;
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .set('Cache-Control', 'no-store')
    .send(
      JSON.stringify({
        type: problemType(code),
        title,
        status,
        code,
        detail,
        instance: request.originalUrl.split('?')[0],
        ...(typeof id === 'string' || typeof id === 'number' ? { requestId: String(id) } : {}),
      }),
    );
}

/**
 * The BullMQ dashboard (bull-board) for admins, at /api/admin/queues, showing every queue under
 * REDIS_PREFIX. It is a raw Express router, so the global Nest guard does not see it: this
 * middleware does the same checks with the same Authenticator (session cookie, bearer access
 * token or personal API token; admins only; an API token needs `write` for anything but reading).
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: Authenticator,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (!http) {
      return; // an application context without HTTP
    }
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: ALL_QUEUES.map((name) => new BullMQAdapter(this.jobs.queue(name))),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Leerkring' } },
    });
    http.use(
      QUEUE_DASHBOARD_PATH,
      (request: Request, response: Response, next: NextFunction) => {
        this.authorize(request, response, next).catch(next);
      },
      serverAdapter.getRouter(),
    );
    this.logger.log(`queue dashboard at ${QUEUE_DASHBOARD_PATH}`);
  }

  private async authorize(request: Request, response: Response, next: NextFunction): Promise<void> {
    const token = credentialOf(request);
    const authenticated = token ? await this.authenticator.authenticate(token) : null;
    if (!authenticated) {
      refuse(request, response, 401, ErrorCode.Unauthenticated, 'Authentication required', 'Sign in as an admin.');
      return;
    }
    const { actor } = authenticated;
    if (!actor.roles.has('admin')) {
      refuse(request, response, 403, ErrorCode.Forbidden, 'Not allowed', 'The queue dashboard is for admins.');
      return;
    }
    const needed = ['GET', 'HEAD', 'OPTIONS'].includes(request.method) ? 'read' : 'write';
    if (actor.scopes && !actor.scopes.has(needed)) {
      refuse(
        request,
        response,
        403,
        'insufficient_scope',
        'Token scope too narrow',
        `This API token lacks the "${needed}" scope.`,
      );
      return;
    }
    (request as AuthenticatedRequest).actor = actor;
    next();
  }
}
