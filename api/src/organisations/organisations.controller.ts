import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiConflictError, ApiCreatedBody, ApiOkBody } from '../common/api-responses';
import { CreateOrganisationDto, type OrganisationView } from '@casustafel/contract/organisations';
import { AdminOnly } from '../common/decorators';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @HttpCode(201)
  @AdminOnly()
  @ApiCreatedBody('OrganisationView')
  @ApiConflictError('Er bestaat al een organisatie met deze naam.')
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.organisations.create(dto);
  }

  /** Organisation names are not personal data: every signed-in user may list them. */
  @Get()
  @ApiOkBody('OrganisationView[]')
  list(): Promise<OrganisationView[]> {
    return this.organisations.list();
  }
}
