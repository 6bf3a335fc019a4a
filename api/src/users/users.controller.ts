import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiNoContentBody, ApiOkBody } from '../common/api-responses';
import { CreateUserDto, UpdateUserDto, type UserView } from '@casustafel/contract/users';
import { CurrentUser, Idempotent } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { SecondFactorService } from './second-factor.service';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Requires('user.manage')
  @Post()
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('UserView')
  @ApiConflictError('Er bestaat al een account met dit e-mailadres.')
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Requires('user.manage')
  @Post(':id/activation')
  @HttpCode(204)
  @ApiNoContentBody('Een nieuwe activatiemail staat klaar; eerdere links werken niet meer.')
  @ApiConflictError('Het account is al geactiveerd, of gedeactiveerd.')
  resendActivation(@Param('id', IdPipe) id: string): Promise<void> {
    return this.users.resendActivation(id);
  }

  @Requires('user.manage')
  @Get()
  @ApiOkBody('UserView[]')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Requires('user.manage')
  @Patch(':id')
  @ApiOkBody('UserView')
  update(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(viewer, id, dto);
  }

  /** A lost phone: the second factor goes off, the user's sessions end, and they enrol again at their next login if the policy asks it. */
  @Requires('user.manage')
  @Post(':id/mfa/reset')
  @HttpCode(200)
  @ApiOkBody('UserView', 'De tweede stap is uitgezet; de sessies van de gebruiker zijn beëindigd.')
  @ApiConflictError('De tweede stap staat niet aan voor dit account.')
  resetMfa(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<UserView> {
    return this.secondFactor.reset(viewer, id);
  }
}
