import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CovenantsService } from '../covenants/covenants.service';
import { MeetingsService } from '../meetings/meetings.service';
import { NetworksService } from '../networks/networks.service';
import { secondFactorRequired, type HeldRole } from './mfa-policy';

/** Gathers what the MFA_REQUIRED policy decides on — the user's roles and the covenants in force — for `secondFactorRequired`. */
@Injectable()
export class MfaPolicyService {
  constructor(
    private readonly config: AppConfig,
    private readonly networks: NetworksService,
    private readonly meetings: MeetingsService,
    private readonly covenants: CovenantsService,
  ) {}

  async requiredFor(userId: string): Promise<boolean> {
    const policy = this.config.mfaRequired;
    if (policy !== 'identities') return secondFactorRequired(policy, []);
    // The municipality sees no identity (ADR 0019): its role asks nothing of the second factor.
    const roles = (await this.networks.networksOf(userId))
      .filter((n) => n.role !== 'MUNICIPALITY')
      .map((n) => ({ networkId: n.id, role: n.role as HeldRole['role'] }));
    const guest = (await this.meetings.guestMeetingsOf(userId)).map((m) => ({ networkId: m.networkId, role: 'GUEST' as const }));
    const held = [...roles, ...guest];
    // The covenants in force of all those networks in one query, not one per network.
    const covenants = await this.covenants.currentOf(held.map((h) => h.networkId));
    return secondFactorRequired(
      policy,
      held.map(({ networkId, role }) => ({ role, matrix: covenants.get(networkId)!.levels })),
    );
  }
}
