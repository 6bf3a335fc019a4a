import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import type { RoleReviewView } from '@casustafel/contract/networks';
import { requireAccess } from '../access/require-access';
import { plusMonthsAmsterdam } from '../common/amsterdam-time';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AccessLogService } from '../privacy/access-log.service';
import { UsersService } from '../users/users.service';
import { Network } from './network.entity';
import { NetworkRoleAssignment } from './network-role.entity';
import { toRoleReviewView } from './network.mapper';
import { NetworksService } from './networks.service';

/** A year between confirmations; six months without a sign-in makes a role holder worth asking about. */
export const ROLE_REVIEW_MONTHS = 12;
export const INACTIVE_AFTER_MONTHS = 6;

const monthsBefore = (at: Date, months: number): Date => plusMonthsAmsterdam(at, -months);

/**
 * Who still needs access (BIO 5.18.02): the coordinator confirms the network's roles once a year,
 * and sees which role holders have not signed in for six months.
 */
@Injectable()
export class RoleReviewService {
  constructor(
    @InjectRepository(Network) private readonly networks: Repository<Network>,
    @InjectRepository(NetworkRoleAssignment) private readonly roles: Repository<NetworkRoleAssignment>,
    private readonly network: NetworksService,
    private readonly users: UsersService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  async get(viewer: Viewer, networkId: string): Promise<RoleReviewView> {
    const access = await this.network.accessFor(viewer, networkId);
    requireAccess(access.role, 'network.reviewRoles');
    return this.view(access.network);
  }

  /** The coordinator confirms that every role holder still needs their role; logged as an access change. */
  async confirm(viewer: Viewer, networkId: string): Promise<RoleReviewView> {
    const access = await this.network.accessFor(viewer, networkId);
    requireAccess(access.role, 'network.reviewRoles');
    const now = this.clock.now();
    await this.networks.update({ id: networkId }, { rolesConfirmedAt: now, rolesConfirmedById: viewer.id });
    await this.accessLog.record([
      {
        viewer,
        role: access.role,
        networkId,
        caseId: null,
        action: 'ROLES_CONFIRM',
        level: null,
        context: 'MANAGEMENT',
        object: { type: 'NETWORK', id: networkId },
      },
    ]);
    return this.view({ ...access.network, rolesConfirmedAt: now, rolesConfirmedById: viewer.id });
  }

  /** Role holders without a sign-in since the cut-off (or never), in one query, however large the network. */
  private async view(network: Network): Promise<RoleReviewView> {
    const now = this.clock.now();
    const cutoff = monthsBefore(now, INACTIVE_AFTER_MONTHS);
    const inactive = await this.roles.find({
      where: [
        { networkId: network.id, user: { lastSignInAt: IsNull(), active: true } },
        { networkId: network.id, user: { lastSignInAt: LessThan(cutoff), active: true } },
      ],
      relations: { user: { organisation: true } },
      order: { user: { name: 'ASC' } },
    });
    const confirmedBy = network.rolesConfirmedById ? ((await this.users.findById(network.rolesConfirmedById))?.name ?? null) : null;
    return toRoleReviewView(network, confirmedBy, inactive, now, ROLE_REVIEW_MONTHS);
  }
}
