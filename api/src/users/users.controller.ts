import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiConflictError, ApiCreatedBody, ApiOkBody } from '../common/api-responses';
import { CreateUserDto, UpdateUserDto, type UserView } from '@casustafel/contract/users';
import { AdminOnly, CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@AdminOnly()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedBody('UserView')
  @ApiConflictError('Er bestaat al een account met dit e-mailadres.')
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Get()
  @ApiOkBody('UserView[]')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Patch(':id')
  @ApiOkBody('UserView')
  update(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(viewer, id, dto);
  }
}
