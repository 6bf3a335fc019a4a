import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MfaCodeDto, MfaDisableDto, type MfaRecoveryCodesView, type MfaSetupView, type SessionView } from '@casustafel/contract/account';
import type { LoginResponse } from '@casustafel/contract/auth';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiNoContentBody, ApiOkBody, ApiTooManyRequestsError } from '../common/api-responses';
import { AllowHalfSession, CurrentSession, CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { AppConfig } from '../config/app-config';
import { MFA_ALREADY_ON, MFA_NOT_ON } from '../users/second-factor.service';
import type { SessionRef } from './auth.service';
import { MeService } from './me.service';
import { MfaService, NO_CODE_ASKED, TOO_MANY_CODES } from './mfa.service';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { SessionsService } from './sessions.service';

/** The user's own second factor and sessions (issue #11). */
@ApiTags('auth')
@Controller('auth')
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
    private readonly me: MeService,
    private readonly config: AppConfig,
  ) {}

  @Requires('account.manage')
  @AllowHalfSession('ENROLMENT')
  @Post('mfa/setup')
  @HttpCode(200)
  @ApiOkBody('MfaSetupView', 'Een nieuw geheim voor de authenticator-app; het telt pas na POST /api/auth/mfa/confirm.')
  @ApiConflictError(MFA_ALREADY_ON)
  setup(@CurrentUser() viewer: Viewer): Promise<MfaSetupView> {
    return this.mfa.setup(viewer);
  }

  @Requires('account.manage')
  @AllowHalfSession('ENROLMENT')
  @Post('mfa/confirm')
  @HttpCode(200)
  @ApiOkBody('MfaRecoveryCodesView', 'De tweede stap staat aan; de tien herstelcodes worden alleen nu getoond.')
  @ApiConflictError(MFA_ALREADY_ON)
  @ApiTooManyRequestsError(TOO_MANY_CODES)
  confirm(@CurrentUser() viewer: Viewer, @CurrentSession() session: SessionRef, @Body() dto: MfaCodeDto): Promise<MfaRecoveryCodesView> {
    return this.mfa.confirm(viewer, session, dto.code);
  }

  @Requires('account.manage')
  @AllowHalfSession('MFA_PENDING')
  @Post('mfa/verify')
  @HttpCode(200)
  @ApiOkBody('LoginResponse', 'Volledig ingelogd; de sessie heeft een nieuwe cookie.')
  @ApiConflictError(NO_CODE_ASKED)
  @ApiTooManyRequestsError(TOO_MANY_CODES)
  async verify(
    @CurrentUser() viewer: Viewer,
    @CurrentSession() session: SessionRef,
    @Body() dto: MfaCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const token = await this.mfa.verify(viewer, session, dto.code);
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(request, this.config.sessionAbsoluteHours * 3_600_000));
    return { user: await this.me.describe(viewer.id, 'ACTIVE') };
  }

  @Requires('account.manage')
  @Post('mfa/disable')
  @HttpCode(204)
  @ApiNoContentBody('De tweede stap staat uit; je andere sessies zijn beëindigd.')
  @ApiConflictError(MFA_NOT_ON)
  @ApiTooManyRequestsError(TOO_MANY_CODES)
  disable(@CurrentUser() viewer: Viewer, @CurrentSession() session: SessionRef, @Body() dto: MfaDisableDto): Promise<void> {
    return this.mfa.disable(viewer, session, dto);
  }

  @Requires('account.manage')
  @Get('sessions')
  @ApiOkBody('SessionView[]')
  listSessions(@CurrentUser() viewer: Viewer, @CurrentSession() session: SessionRef): Promise<SessionView[]> {
    return this.sessions.list(viewer.id, session);
  }

  @Requires('account.manage')
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContentBody('De sessie is beëindigd.')
  endSession(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<void> {
    return this.sessions.end(viewer.id, id);
  }
}
