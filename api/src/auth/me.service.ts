import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { MeView } from '@casustafel/contract/auth';
import type { SessionStatus } from '../common/decorators';
import { MeetingsService } from '../meetings/meetings.service';
import { NetworksService } from '../networks/networks.service';
import { UsersService } from '../users/users.service';
import { toMeView } from './me.mapper';

/** The signed-in user with their organisation and their role in each network. */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersService,
    private readonly networks: NetworksService,
    private readonly meetings: MeetingsService,
  ) {}

  /** `status`: the session's; an ENROLMENT session tells the client to set up the second factor first. */
  async describe(userId: string, status: SessionStatus): Promise<MeView> {
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthorizedException('Je bent niet ingelogd. Log in om verder te gaan.');
    return toMeView(user, await this.networks.networksOf(user.id), await this.meetings.guestMeetingsOf(user.id), status === 'ENROLMENT');
  }
}
