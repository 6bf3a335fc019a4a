import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiOkBody } from '../common/api-responses';
import { Idempotent } from '../common/decorators';
import { CreateOrganisationDto, type OrganisationView } from '@casustafel/contract/organisations';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Requires('organisation.manage')
  @Post()
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('OrganisationView')
  @ApiConflictError('Er bestaat al een organisatie met deze naam.')
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.organisations.create(dto);
  }

  /** Organisation names are not personal data: every signed-in user may list them. */
  @Requires('organisation.list')
  @Get()
  @ApiOkBody('OrganisationView[]')
  list(): Promise<OrganisationView[]> {
    return this.organisations.list();
  }
}
