import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../clock/clock';
import { VafaConfig } from '../config/vafa-config';
import { ApiErrors } from '../http/api-errors';
import { sessionNotFound } from '../platform.errors';
import { Public, Roles } from './access.decorators';
import type { AuthenticatedRequest } from './access.guard';
import { requireSameOrigin } from './csrf';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie';
import { SignInThrottleGuard } from './sign-in-throttle.guard';
import { SignInDto, StaffSessionDto } from './staff-session.dto';
import { StaffSession, StaffSessionsRepository } from './staff-sessions.repository';
import { StaffUsersRepository, StaffUserView } from './staff-users.repository';

const sessionOf = (request: AuthenticatedRequest): StaffSession => {
  if (!request.staffSession) {
    throw sessionNotFound();
  }
  return request.staffSession;
};

/** The console's sign-in: a session cookie for a staff user's email and password. */
@ApiTags('Console sign-in')
@Controller('v1/auth/session')
export class AuthSessionController {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly sessions: StaffSessionsRepository,
    private readonly config: VafaConfig,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Public()
  @UseGuards(SignInThrottleGuard)
  @ApiOperation({
    summary: 'Sign in to the console',
    description:
      "Checks a staff user's email and password and sets the `vafa_session` cookie (HttpOnly, SameSite=Strict, Path=/, Secure over https). A wrong email, a wrong password and a disabled user all answer 401 INVALID_CREDENTIALS. Attempts are limited to 5 a minute per email and 20 a minute per client address (429 TOO_MANY_SIGN_IN_ATTEMPTS with Retry-After). The answer's `csrfToken` must accompany every write made with the cookie, in the X-CSRF-Token header.",
  })
  @ApiCreatedResponse({ type: StaffSessionDto, description: 'Signed in; the cookie is set' })
  @ApiErrors({
    401: ['INVALID_CREDENTIALS'],
    403: ['CSRF_ORIGIN_MISMATCH'],
    429: ['TOO_MANY_SIGN_IN_ATTEMPTS'],
  })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StaffSessionDto> {
    requireSameOrigin(request);
    const user = await this.users.verifyCredentials(body.email, body.password);
    // A browser that was signed in (as anyone) leaves that session behind for good.
    const previous = sessionTokenOf(request);
    if (previous) {
      await this.sessions.endByToken(previous);
    }
    const { token, session } = await this.sessions.start(user.id);
    const view = await this.users.recordSignIn(user.id);
    setSessionCookie(request, response, token, session.expiresAt, this.clock.now());
    return this.answer(view, session);
  }

  @Get()
  @Roles('marketer', 'cashier', 'integration')
  @ApiOperation({
    summary: 'The signed-in staff user',
    description:
      "The staff user of the session cookie, with the session's csrfToken and end. 401 when there is no session or it has ended (idle for VAFA_SESSION_IDLE_MINUTES, 12 hours old, signed out, or the user disabled); 404 SESSION_NOT_FOUND when the request carries an API key instead.",
  })
  @ApiOkResponse({ type: StaffSessionDto })
  @ApiErrors({ 404: ['SESSION_NOT_FOUND'] })
  async current(@Req() request: AuthenticatedRequest): Promise<StaffSessionDto> {
    const session = sessionOf(request);
    return this.answer(await this.users.get(session.userId), session);
  }

  @Delete()
  @Roles('marketer', 'cashier', 'integration')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session at once (the cookie no longer works, wherever it was copied to) and clears the cookie. Like every write with the cookie, it needs the X-CSRF-Token header.',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors({ 404: ['SESSION_NOT_FOUND'] })
  async signOut(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.sessions.end(sessionOf(request).id);
    clearSessionCookie(request, response);
  }

  private answer(user: StaffUserView, session: StaffSession): StaffSessionDto {
    return {
      user,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      idleTimeoutMinutes: this.config.sessionIdleMinutes,
    };
  }
}
