import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateReferralDto, DeclineReferralDto, type ReferralTargetView, type ReferralView } from '@casustafel/contract/referrals';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiOkBody } from '../common/api-responses';
import { CurrentUser, Idempotent } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  /** The other networks of the installation a case may be referred to. */
  @Requires('case.refer')
  @Get('networks/:id/referral-targets')
  @ApiOkBody('ReferralTargetView[]')
  targets(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<ReferralTargetView[]> {
    return this.referrals.targets(viewer, networkId);
  }

  @Requires('case.refer')
  @Post('cases/:id/referrals')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('ReferralView')
  @ApiConflictError('Deze casus kan nu niet worden doorverwezen.')
  create(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) caseId: string, @Body() dto: CreateReferralDto): Promise<ReferralView> {
    return this.referrals.create(viewer, caseId, dto);
  }

  @Requires('referral.read')
  @Get('networks/:id/referrals')
  @ApiOkBody('ReferralView[]')
  list(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<ReferralView[]> {
    return this.referrals.list(viewer, networkId);
  }

  @Requires('referral.decide')
  @Post('referrals/:id/accept')
  @HttpCode(200)
  @ApiOkBody('ReferralView')
  @ApiConflictError('Over deze doorverwijzing is al besloten.')
  accept(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<ReferralView> {
    return this.referrals.accept(viewer, id);
  }

  @Requires('referral.decide')
  @Post('referrals/:id/decline')
  @HttpCode(200)
  @ApiOkBody('ReferralView')
  @ApiConflictError('Over deze doorverwijzing is al besloten.')
  decline(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: DeclineReferralDto): Promise<ReferralView> {
    return this.referrals.decline(viewer, id, dto);
  }
}
