import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import {
  AddMemberDto,
  AssignRoleDto,
  CreateNetworkDto,
  type MemberView,
  type NetworkView,
  type RoleView,
} from '@casustafel/contract/networks';
import type { UserView } from '@casustafel/contract/users';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { NetworksService } from './networks.service';

@ApiTags('networks')
@Controller('networks')
export class NetworksController {
  constructor(private readonly networks: NetworksService) {}

  @Requires('network.create')
  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateNetworkDto): Promise<NetworkView> {
    return this.networks.create(dto);
  }

  @Requires('network.list')
  @Get()
  list(@CurrentUser() viewer: Viewer): Promise<NetworkView[]> {
    return this.networks.list(viewer);
  }

  @Requires('network.read')
  @Get(':id')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<NetworkView> {
    return this.networks.get(viewer, id);
  }

  @Requires('network.read')
  @Get(':id/members')
  members(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MemberView[]> {
    return this.networks.members(viewer, id);
  }

  @Requires('network.manage')
  @Post(':id/members')
  @HttpCode(201)
  addMember(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AddMemberDto): Promise<MemberView> {
    return this.networks.addMember(viewer, id, dto);
  }

  @Requires('network.manage')
  @Delete(':id/members/:organisationId')
  @HttpCode(204)
  removeMember(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('organisationId', IdPipe) organisationId: string,
  ): Promise<void> {
    return this.networks.removeMember(viewer, id, organisationId);
  }

  @Requires('network.read')
  @Get(':id/roles')
  roles(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<RoleView[]> {
    return this.networks.listRoles(viewer, id);
  }

  @Requires('network.manage')
  @Post(':id/roles')
  @HttpCode(201)
  assignRole(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AssignRoleDto): Promise<RoleView> {
    return this.networks.assignRole(viewer, id, dto);
  }

  @Requires('network.manage')
  @Delete(':id/roles/:userId')
  @HttpCode(204)
  removeRole(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Param('userId', IdPipe) userId: string): Promise<void> {
    return this.networks.removeRole(viewer, id, userId);
  }

  /** Users of member organisations who could be given a role (coordinator or administrator). */
  @Requires('network.manage')
  @Get(':id/candidates')
  candidates(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<UserView[]> {
    return this.networks.candidates(viewer, id);
  }
}
