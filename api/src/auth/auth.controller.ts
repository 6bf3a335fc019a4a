import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiNoContentBody, ApiOkBody, ApiTooManyRequestsError, ApiUnauthorizedError } from '../common/api-responses';
import type { Request, Response } from 'express';
import { LoginDto, type LoginResponse, type MeView } from '@casustafel/contract/auth';
import { AppConfig } from '../config/app-config';
import { AllowHalfSession, CurrentSession, CurrentUser, Public } from '../common/decorators';
import type { Viewer } from '../common/viewer';
import { AuthService, type SessionRef } from './auth.service';
import { MeService } from './me.service';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly me: MeService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkBody(
    'LoginResponse',
    'Ingelogd; de sessie staat in de cookie casustafel_session. Met {mfaRequired: true} is de sessie half: eerst POST /api/auth/mfa/verify.',
  )
  @ApiUnauthorizedError('E-mailadres of wachtwoord klopt niet, of het account is niet actief.')
  @ApiTooManyRequestsError('Te veel mislukte pogingen; probeer het later opnieuw.')
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const { token, user, status } = await this.auth.login(dto, request.ip ?? 'unknown', request.get('user-agent'));
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(request, this.config.sessionAbsoluteHours * 3_600_000));
    if (status === 'MFA_PENDING') return { mfaRequired: true };
    return { user: await this.me.describe(user.id, status) };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentBody('Uitgelogd; de sessie is beëindigd.')
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request.cookies?.[SESSION_COOKIE]);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
  }

  @Requires('account.read')
  @AllowHalfSession('ENROLMENT')
  @Get('me')
  @ApiOkBody('MeView')
  getMe(@CurrentUser() viewer: Viewer, @CurrentSession() session: SessionRef): Promise<MeView> {
    return this.me.describe(viewer.id, session.status);
  }
}
