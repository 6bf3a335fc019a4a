import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiNoContentBody, ApiOkBody } from '../common/api-responses';
import {
  AddMemberDto,
  AssignRoleDto,
  CreateNetworkDto,
  UpdateMemberDto,
  type MemberView,
  type NetworkView,
  type RoleReviewView,
  type RoleView,
} from '@casustafel/contract/networks';
import type { UserView } from '@casustafel/contract/users';
import { CurrentUser, Idempotent } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { NetworksService } from './networks.service';
import { RoleReviewService } from './role-review.service';

@ApiTags('networks')
@Controller('networks')
export class NetworksController {
  constructor(
    private readonly networks: NetworksService,
    private readonly reviews: RoleReviewService,
  ) {}

  @Requires('network.create')
  @Post()
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('NetworkView')
  @ApiConflictError('Er bestaat al een netwerk met deze naam.')
  create(@Body() dto: CreateNetworkDto): Promise<NetworkView> {
    return this.networks.create(dto);
  }

  @Requires('network.list')
  @Get()
  @ApiOkBody('NetworkView[]')
  list(@CurrentUser() viewer: Viewer): Promise<NetworkView[]> {
    return this.networks.list(viewer);
  }

  @Requires('network.read')
  @Get(':id')
  @ApiOkBody('NetworkView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<NetworkView> {
    return this.networks.get(viewer, id);
  }

  @Requires('network.members')
  @Get(':id/members')
  @ApiOkBody('MemberView[]')
  members(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MemberView[]> {
    return this.networks.members(viewer, id);
  }

  @Requires('network.manage')
  @Post(':id/members')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('MemberView')
  @ApiConflictError('De organisatie is al lid van dit netwerk.')
  addMember(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AddMemberDto): Promise<MemberView> {
    return this.networks.addMember(viewer, id, dto);
  }

  /** How many open actions an informal or hybrid member can carry (issue #13): the coordinator, or the organisation itself. */
  @Requires('network.capacity')
  @Patch(':id/members/:organisationId')
  @ApiOkBody('MemberView')
  updateMember(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('organisationId', IdPipe) organisationId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.networks.updateMember(viewer, id, organisationId, dto);
  }

  @Requires('network.manage')
  @Delete(':id/members/:organisationId')
  @HttpCode(204)
  @ApiNoContentBody()
  @ApiConflictError('Er zijn nog mensen van de organisatie met een rol in het netwerk.')
  removeMember(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('organisationId', IdPipe) organisationId: string,
  ): Promise<void> {
    return this.networks.removeMember(viewer, id, organisationId);
  }

  @Requires('network.members')
  @Get(':id/roles')
  @ApiOkBody('RoleView[]')
  roles(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<RoleView[]> {
    return this.networks.listRoles(viewer, id);
  }

  @Requires('network.manage')
  @Post(':id/roles')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('RoleView')
  @ApiConflictError('Deze persoon heeft al een rol, de organisatie is geen lid, of de rol past niet bij de organisatie.')
  assignRole(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AssignRoleDto): Promise<RoleView> {
    return this.networks.assignRole(viewer, id, dto);
  }

  @Requires('network.manage')
  @Delete(':id/roles/:userId')
  @HttpCode(204)
  @ApiNoContentBody()
  removeRole(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Param('userId', IdPipe) userId: string): Promise<void> {
    return this.networks.removeRole(viewer, id, userId);
  }

  /** Users of member organisations who could be given a role (coordinator or administrator). */
  @Requires('network.manage')
  @Get(':id/candidates')
  @ApiOkBody('UserView[]')
  candidates(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<UserView[]> {
    return this.networks.candidates(viewer, id);
  }

  /** Who still needs access (BIO 5.18.02): when the roles were last confirmed, and who has not signed in for six months. */
  @Requires('network.reviewRoles')
  @Get(':id/role-review')
  @ApiOkBody('RoleReviewView')
  roleReview(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<RoleReviewView> {
    return this.reviews.get(viewer, id);
  }

  /** The coordinator confirms that everyone with a role still needs it (yearly); logged. */
  @Requires('network.reviewRoles')
  @Post(':id/role-review')
  @HttpCode(200)
  @ApiOkBody('RoleReviewView')
  confirmRoles(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<RoleReviewView> {
    return this.reviews.confirm(viewer, id);
  }
}
