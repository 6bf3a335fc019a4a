import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ActivateAccountDto, ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto } from '@casustafel/contract/account';
import { Requires } from '../access/requires.decorator';
import { ApiAcceptedNoBody, ApiNoContentBody, ApiTooManyRequestsError } from '../common/api-responses';
import { CurrentUser, Public } from '../common/decorators';
import type { Viewer } from '../common/viewer';
import { AccountService } from './account.service';
import { SESSION_COOKIE } from './session-cookie';

/** The owner's password: activation, change, and reset by a link in a mail (issue #11). */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Public()
  @Post('activate')
  @HttpCode(204)
  @ApiNoContentBody('Het account is geactiveerd; log in met het nieuwe wachtwoord.')
  activate(@Body() dto: ActivateAccountDto): Promise<void> {
    return this.account.activate(dto);
  }

  @Requires('account.manage')
  @Post('password')
  @HttpCode(204)
  @ApiNoContentBody('Het wachtwoord is gewijzigd; de andere sessies zijn beëindigd.')
  @ApiTooManyRequestsError('Te veel verkeerde wachtwoorden; probeer het later opnieuw.')
  changePassword(@CurrentUser() viewer: Viewer, @Body() dto: ChangePasswordDto, @Req() request: Request): Promise<void> {
    return this.account.changePassword(viewer, dto, request.cookies?.[SESSION_COOKIE], request.ip ?? 'unknown');
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedNoBody('Aangenomen. Hoort het adres bij een account, dan komt er een mail met een link (1 uur geldig).')
  @ApiTooManyRequestsError('Te veel aanvragen voor dit adres of van dit netwerk; probeer het later opnieuw.')
  requestPasswordReset(@Body() dto: PasswordResetRequestDto, @Req() request: Request): Promise<void> {
    return this.account.requestPasswordReset(dto, request.ip ?? 'unknown');
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentBody('Het wachtwoord is gewijzigd; alle sessies zijn beëindigd.')
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.account.confirmPasswordReset(dto);
  }
}
