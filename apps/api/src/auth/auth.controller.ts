import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import {
  CurrentActor,
  LoginLinks,
  Public,
  SESSION_COOKIE,
  Sessions,
  type Actor,
  type AuthenticatedRequest,
  type StartedSession,
} from '@leerkring/people';
import {
  AcceptedResponse,
  LoginLinkRequestDto,
  RefreshDto,
  SessionResponse,
  TokenResponse,
  VerifyLoginDto,
} from './auth.dto';
import { verifyPage } from './verify-page';

const ACCEPTED = 'If this address belongs to an account, a sign-in link is on its way.';

function toTokenResponse(session: StartedSession & { kind: 'bearer' }): TokenResponse {
  return {
    tokenType: 'Bearer',
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
    refreshToken: session.refreshToken,
    sessionExpiresAt: session.expiresAt.toISOString(),
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly loginLinks: LoginLinks,
    private readonly sessions: Sessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login-link')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a single-use sign-in link (valid 15 minutes)',
    description: 'Answers the same whether or not the address has an account. Rate-limited per address and per client.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async requestLink(@Body() body: LoginLinkRequestDto, @Req() request: Request): Promise<AcceptedResponse> {
    await this.loginLinks.request(body.email, request.ip ?? 'unknown');
    return { message: ACCEPTED };
  }

  @Public()
  @Get('verify')
  @ApiOperation({
    summary: 'The page the sign-in link opens',
    description: 'Shows a button that signs in (a POST), so mail scanners that open links do not use them up.',
  })
  @ApiProduces('text/html')
  verifyForm(@Query('token') token: string | undefined, @Res() response: Response): void {
    response
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-store')
      .set('Referrer-Policy', 'no-referrer')
      .send(verifyPage(typeof token === 'string' ? token : ''));
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Use a sign-in link: start a cookie session or get bearer tokens',
    description: 'A used or expired link answers 401 login_link_invalid.',
  })
  @ApiOkResponse({ description: 'Signed in: TokenResponse (bearer) or SessionResponse (cookie)' })
  async verify(
    @Body() body: VerifyLoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse | SessionResponse | void> {
    const personId = await this.loginLinks.redeem(body.token, request.ip ?? 'unknown');
    const mode = body.mode ?? 'cookie';
    const session = await this.sessions.start(personId, mode, 'magic_link');
    if (session.kind === 'bearer') {
      return toTokenResponse(session);
    }
    response.cookie(SESSION_COOKIE, session.sessionToken, {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      expires: session.expiresAt,
    });
    if (request.is('application/x-www-form-urlencoded')) {
      // Came from the verify page's form: on to the app.
      response.redirect(303, `${this.config.publicUrl}/`);
      return;
    }
    return { signedIn: true, sessionExpiresAt: session.expiresAt.toISOString() };
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'New access + refresh token for a refresh token (which is then used up)' })
  @ApiOkResponse({ type: TokenResponse })
  async refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    return toTokenResponse(await this.sessions.refresh(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session (cookie or bearer); personal API tokens are revoked separately' })
  async logout(
    @CurrentActor() _actor: Actor,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (request.sessionId) {
      await this.sessions.revoke(request.sessionId);
    }
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  }
}
