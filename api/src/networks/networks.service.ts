import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { requireAccess } from '../access/require-access';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { MeNetwork } from '@casustafel/contract/auth';
import { NETWORK_ROLES, type NetworkRole } from '@casustafel/contract/enums';
import type {
  AddMemberDto,
  AssignRoleDto,
  CreateNetworkDto,
  MemberView,
  NetworkView,
  RoleView,
  UpdateMemberDto,
} from '@casustafel/contract/networks';
import type { UserView } from '@casustafel/contract/users';
import { dutchDate } from '../common/amsterdam-time';
import { Clock } from '../common/clock';
import { resolvedAccess } from '../common/request-context';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { placeholder } from '../database/raw-entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { AccessLogService, type AccessEvent } from '../privacy/access-log.service';
import { SecondFactorService } from '../users/second-factor.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Membership } from './membership.entity';
import { toMemberView, toNetworkView, toRoleView } from './network.mapper';
import { Network } from './network.entity';
import { NetworkRoleAssignment } from './network-role.entity';
import { capacityMismatch, governmentMismatch, memberMismatch, roleMismatch } from './network.rules';

/** What a viewer may do in one network. */
export interface NetworkAccess {
  network: Network;
  role: NetworkRole | null;
  canManage: boolean;
}

@Injectable()
export class NetworksService {
  constructor(
    @InjectRepository(Network) private readonly networks: Repository<Network>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(NetworkRoleAssignment) private readonly roles: Repository<NetworkRoleAssignment>,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    secondFactor: SecondFactorService,
  ) {
    users.onStatusChange(({ actor, user, active }) => this.logAccountChange(actor, user, active ? 'USER_REACTIVATE' : 'USER_DEACTIVATE'));
    secondFactor.onReset(({ actor, user }) => this.logAccountChange(actor, user, 'MFA_RESET'));
  }

  async create(dto: CreateNetworkDto): Promise<NetworkView> {
    const name = dto.name.trim();
    if (await this.networks.exists({ where: { name } })) {
      throw new ConflictException(`Er bestaat al een netwerk met de naam "${name}".`);
    }
    const network = await this.networks.save(
      this.networks.create({ id: newId(), name, kind: dto.kind, area: dto.area.trim(), createdAt: this.clock.now() }),
    );
    return toNetworkView(network, null, true);
  }

  /** Administrators see every network; everyone else the networks they hold a role in. */
  async list(viewer: Viewer): Promise<NetworkView[]> {
    if (viewer.isAdmin) {
      const all = await this.networks.find({ order: { name: 'ASC' } });
      return all.map((network) => toNetworkView(network, null, true));
    }
    const mine = await this.roles.find({
      where: { userId: viewer.id },
      relations: { network: true },
      order: { network: { name: 'ASC' } },
    });
    return mine.map((r) => toNetworkView(r.network!, r.role, can(r.role, 'network.manage')));
  }

  async get(viewer: Viewer, networkId: string): Promise<NetworkView> {
    const access = await this.accessFor(viewer, networkId);
    return toNetworkView(access.network, access.role, access.canManage);
  }

  /** The networks a user holds a role in, for /auth/me. */
  async networksOf(userId: string): Promise<MeNetwork[]> {
    const mine = await this.roles.find({ where: { userId }, relations: { network: true }, order: { network: { name: 'ASC' } } });
    return mine.map((r) => ({ id: r.networkId, name: r.network!.name, kind: r.network!.kind, role: r.role }));
  }

  async members(viewer: Viewer, networkId: string): Promise<MemberView[]> {
    await this.accessFor(viewer, networkId);
    return this.memberList(networkId);
  }

  /** For other modules' services, which have checked access themselves. */
  async memberList(networkId: string): Promise<MemberView[]> {
    const members = await this.memberships.find({
      where: { networkId },
      relations: { organisation: true },
      order: { ring: 'ASC', organisation: { name: 'ASC' } },
    });
    return members.map(toMemberView);
  }

  async addMember(viewer: Viewer, networkId: string, dto: AddMemberDto): Promise<MemberView> {
    const access = await this.manage(viewer, networkId);
    const organisation = await this.organisations.findById(dto.organisationId);
    if (!organisation) throw new BadRequestException('De gekozen organisatie bestaat niet. Kies een bestaande organisatie.');
    const notAMember = memberMismatch(organisation);
    if (notAMember) throw new BadRequestException(notAMember);
    if (await this.memberships.exists({ where: { networkId, organisationId: organisation.id } })) {
      throw new ConflictException(`${organisation.name} is al lid van dit netwerk.`);
    }
    const membership = await this.memberships.save(
      this.memberships.create({
        networkId,
        organisationId: organisation.id,
        ring: dto.ring,
        since: dto.since ?? dutchDate(this.clock.now()),
        capacity: null,
      }),
    );
    membership.organisation = organisation;
    await this.accessLog.record([
      this.accessChange(viewer, access, 'MEMBER_ADD', { type: 'ORGANISATION', id: organisation.id }, { organisationId: organisation.id }),
    ]);
    return toMemberView(membership);
  }

  async removeMember(viewer: Viewer, networkId: string, organisationId: string): Promise<void> {
    const access = await this.manage(viewer, networkId);
    const membership = await this.memberships.findOne({ where: { networkId, organisationId }, relations: { organisation: true } });
    if (!membership) throw new NotFoundException('Deze organisatie is geen lid van dit netwerk.');
    const holders = await this.roles.find({ where: { networkId, user: { organisationId } }, relations: { user: true } });
    if (holders.length > 0) {
      const names = holders.map((h) => h.user!.name).join(', ');
      throw new ConflictException(
        `${membership.organisation!.name} heeft nog mensen met een rol in dit netwerk (${names}). Haal eerst hun rollen weg.`,
      );
    }
    await this.memberships.delete({ networkId, organisationId });
    await this.accessLog.record([
      this.accessChange(viewer, access, 'MEMBER_REMOVE', { type: 'ORGANISATION', id: organisationId }, { organisationId }),
    ]);
  }

  async listRoles(viewer: Viewer, networkId: string): Promise<RoleView[]> {
    await this.accessFor(viewer, networkId);
    const roles = await this.roles.find({
      where: { networkId },
      relations: { user: { organisation: true } },
      order: { role: 'ASC', user: { name: 'ASC' } },
    });
    return roles.map(toRoleView);
  }

  async assignRole(viewer: Viewer, networkId: string, dto: AssignRoleDto): Promise<RoleView> {
    const access = await this.manage(viewer, networkId);
    if (dto.role === 'COORDINATOR' && !viewer.isAdmin) {
      throw new ForbiddenException('Alleen een beheerder kan iemand coördinator maken.');
    }
    const user = await this.users.findById(dto.userId);
    if (!user || !user.active) throw new BadRequestException('De gekozen gebruiker bestaat niet of is niet actief.');
    if (user.isAdmin) {
      // Separation of duties: refused, and on the record, so that the coordinator sees the attempt.
      await this.accessLog.record([
        {
          ...this.accessChange(
            viewer,
            access,
            'ROLE_GRANT',
            { type: 'USER', id: user.id },
            { userId: user.id, organisationId: user.organisationId, role: dto.role },
          ),
          outcome: 'DENIED',
        },
      ]);
      throw new BadRequestException(
        'Een beheerderaccount kan geen rol in een netwerk krijgen: beheer en cliëntgegevens blijven gescheiden. Geef de rol aan een gewoon account.',
      );
    }
    const existing = await this.roles.findOneBy({ networkId, userId: user.id });
    if (existing) {
      throw new ConflictException(`${user.name} heeft al een rol in dit netwerk. Haal die eerst weg om een andere rol te geven.`);
    }
    // The municipality: a government organisation's people, the role without a membership (ADR 0019).
    const government = governmentMismatch(dto.role, user.organisation!);
    if (government) throw new BadRequestException(government);
    if (dto.role !== 'MUNICIPALITY') {
      const membership = await this.memberships.findOneBy({ networkId, organisationId: user.organisationId });
      if (!membership) {
        throw new ConflictException(
          `${user.organisation!.name} (de organisatie van ${user.name}) is geen lid van dit netwerk. Voeg de organisatie eerst toe.`,
        );
      }
      const mismatch = roleMismatch(dto.role, user.organisation!, membership.ring);
      if (mismatch) throw new ConflictException(mismatch);
    }
    const assignment = await this.roles.save(
      this.roles.create({ networkId, userId: user.id, role: dto.role, createdAt: this.clock.now() }),
    );
    assignment.user = user;
    await this.accessLog.record([
      this.accessChange(
        viewer,
        access,
        'ROLE_GRANT',
        { type: 'USER', id: user.id },
        { userId: user.id, organisationId: user.organisationId, role: dto.role },
      ),
    ]);
    return toRoleView(assignment);
  }

  async removeRole(viewer: Viewer, networkId: string, userId: string): Promise<void> {
    const access = await this.manage(viewer, networkId);
    const assignment = await this.roles.findOne({ where: { networkId, userId }, relations: { user: true } });
    if (!assignment) throw new NotFoundException('Deze gebruiker heeft geen rol in dit netwerk.');
    if (assignment.role === 'COORDINATOR' && !viewer.isAdmin) {
      throw new ForbiddenException('Alleen een beheerder kan een coördinator zijn rol afnemen.');
    }
    await this.roles.delete({ networkId, userId });
    await this.accessLog.record([
      this.accessChange(
        viewer,
        access,
        'ROLE_REVOKE',
        { type: 'USER', id: userId },
        { userId, organisationId: assignment.user?.organisationId ?? null, role: assignment.role },
      ),
    ]);
  }

  /**
   * Active users of member organisations, to choose from when giving a role; and of government
   * organisations, which are no members but whose people may be given the role of municipality.
   */
  async candidates(viewer: Viewer, networkId: string): Promise<UserView[]> {
    await this.manage(viewer, networkId);
    const members = await this.memberships.find({ where: { networkId } });
    const governments = (await this.organisations.list()).filter((o) => o.kind === 'GOVERNMENT');
    return this.users.listByOrganisations([...members.map((m) => m.organisationId), ...governments.map((o) => o.id)]);
  }

  /**
   * How many open actions an informal or hybrid member can carry (issue #13): the coordinator, or the
   * organisation's own people (`network.capacity` on condition ownOrganisation). Not in the access log:
   * it changes nobody's view of anything, only when the coordinator is warned.
   */
  async updateMember(viewer: Viewer, networkId: string, organisationId: string, dto: UpdateMemberDto): Promise<MemberView> {
    const access = await this.accessFor(viewer, networkId);
    const membership = await this.memberships.findOne({ where: { networkId, organisationId }, relations: { organisation: true } });
    if (!membership) throw new NotFoundException('Deze organisatie is geen lid van dit netwerk.');
    requireAccess(viewer.isAdmin ? 'ADMIN' : access.role, 'network.capacity', {
      ownOrganisation: viewer.organisationId === organisationId,
    });
    const refused = capacityMismatch(membership.organisation!);
    if (refused) throw new BadRequestException(refused);
    if (membership.capacity !== dto.capacity) {
      await this.memberships.update({ networkId, organisationId }, { capacity: dto.capacity });
      membership.capacity = dto.capacity;
    }
    return toMemberView(membership);
  }

  /** The network's coordinators (for the minutes' chair), without an access check. */
  async coordinatorsOf(networkId: string): Promise<{ id: string; name: string }[]> {
    const found = await this.roles.find({ where: { networkId, role: 'COORDINATOR' }, relations: { user: true } });
    return found.map((r) => ({ id: r.userId, name: r.user!.name }));
  }

  /** The other networks of the installation, by name (for choosing where to refer a case; no access check). */
  async others(networkId: string): Promise<Network[]> {
    return (await this.networks.find({ order: { name: 'ASC' } })).filter((n) => n.id !== networkId);
  }

  /**
   * The active coordinators of these networks with their professional contact (name, e-mail,
   * organisation id), for "known in another network?" (issue #14); no access check.
   */
  async coordinatorContacts(networkIds: string[]): Promise<Map<string, { name: string; email: string; organisationId: string }[]>> {
    const out = new Map<string, { name: string; email: string; organisationId: string }[]>();
    if (networkIds.length === 0) return out;
    const found = await this.roles.find({
      where: { networkId: In([...new Set(networkIds)]), role: 'COORDINATOR' },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    for (const r of found) {
      if (!r.user?.active) continue;
      out.set(r.networkId, [
        ...(out.get(r.networkId) ?? []),
        { name: r.user.name, email: r.user.email, organisationId: r.user.organisationId },
      ]);
    }
    return out;
  }

  /** For other modules' rules (no access check): is this organisation a member, and in which ring? */
  async membership(networkId: string, organisationId: string): Promise<Membership | null> {
    return this.memberships.findOneBy({ networkId, organisationId });
  }

  /** The viewer's role in a network, or null. */
  async roleOf(viewer: Pick<Viewer, 'id'>, networkId: string): Promise<NetworkRole | null> {
    // Asked by the access guard on every request about a network's object: one plain statement, not a repository find.
    const source = this.roles.manager.connection;
    const [row]: { role: NetworkRole }[] = await this.roles.manager.query(
      `SELECT "role" FROM "network_roles" WHERE "networkId" = ${placeholder(source, 0)} AND "userId" = ${placeholder(source, 1)}`,
      [networkId, viewer.id],
    );
    return row?.role ?? null;
  }

  /** The network's own id when it exists, else null (for the log of refused attempts). */
  async networkOf(networkId: string): Promise<string | null> {
    return (await this.networks.exists({ where: { id: networkId } })) ? networkId : null;
  }

  /** id → name of these networks, in one query (for other modules' views). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.networks.find({ where: { id: In(unique) }, select: { id: true, name: true } }) : [];
    return new Map(found.map((n) => [n.id, n.name]));
  }

  /** The network, or a Dutch 404 (for other modules' services). */
  async findById(networkId: string): Promise<Network> {
    const network = await this.networks.findOneBy({ id: networkId });
    if (!network) throw new NotFoundException('Dit netwerk bestaat niet of je bent er geen lid van.');
    return network;
  }

  /** What the viewer may do in the network. Whoever is not an administrator nor holds a role does not learn that it exists (404). */
  async accessFor(viewer: Viewer, networkId: string): Promise<NetworkAccess> {
    const network = await this.networks.findOneBy({ id: networkId });
    const role = network ? await this.roleOf(viewer, networkId) : null;
    if (!network || (!viewer.isAdmin && role === null)) throw new NotFoundException('Dit netwerk bestaat niet of je bent er geen lid van.');
    return { network, role, canManage: can(viewer.isAdmin ? 'ADMIN' : role, 'network.manage') };
  }

  /**
   * The viewer's role in the network as accessFor() decides it (a 404 for whoever may not know the
   * network), without asking again what the access guard resolved for this network in this request:
   * a member's role there. The administrator and anyone the guard did not resolve go through accessFor().
   */
  async memberRole(viewer: Viewer, networkId: string): Promise<NetworkRole | null> {
    const resolved = resolvedAccess('NETWORK', networkId);
    if (resolved?.networkId === networkId && NETWORK_ROLES.some((r) => r === resolved.role)) return resolved.role as NetworkRole;
    return (await this.accessFor(viewer, networkId)).role;
  }

  /** An entry for a change to who may see what: who did it (ADMIN for the administrator) and whom it concerned. */
  private accessChange(
    viewer: Viewer,
    access: NetworkAccess,
    action: AccessEvent['action'],
    object: AccessEvent['object'],
    subject: AccessEvent['subject'],
  ): AccessEvent {
    return {
      viewer,
      role: viewer.isAdmin ? 'ADMIN' : access.role,
      networkId: access.network.id,
      caseId: null,
      action,
      level: null,
      context: 'MANAGEMENT',
      object,
      subject,
    };
  }

  /**
   * A deactivated (or reactivated) account, or a second factor the administrator reset: one entry per
   * network where they hold a role, so each coordinator sees it; else one without a network.
   */
  private async logAccountChange(actor: Viewer, user: User, action: 'USER_REACTIVATE' | 'USER_DEACTIVATE' | 'MFA_RESET'): Promise<void> {
    const held = await this.roles.find({ where: { userId: user.id } });
    const base = {
      viewer: actor,
      role: actor.isAdmin ? 'ADMIN' : null,
      caseId: null,
      action,
      level: null,
      context: 'MANAGEMENT' as const,
      object: { type: 'USER' as const, id: user.id },
    };
    const subject = { userId: user.id, organisationId: user.organisationId };
    await this.accessLog.record(
      held.length > 0
        ? held.map((r) => ({ ...base, networkId: r.networkId, subject: { ...subject, role: r.role } }))
        : [{ ...base, networkId: null, subject }],
    );
  }

  private async manage(viewer: Viewer, networkId: string): Promise<NetworkAccess> {
    const access = await this.accessFor(viewer, networkId);
    requireAccess(viewer.isAdmin ? 'ADMIN' : access.role, 'network.manage');
    return access;
  }
}
