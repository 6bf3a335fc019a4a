import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CASE_TRANSITIONS } from '@casustafel/contract/case-rules';
import type { NetworkRole } from '@casustafel/contract/enums';
import { can } from '@casustafel/contract/permissions';
import type { CreateReferralDto, DeclineReferralDto, ReferralTargetView, ReferralView } from '@casustafel/contract/referrals';
import { requireAccess } from '../access/require-access';
import type { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { CASE_STATUS_LABEL } from '../common/labels';
import { fieldError } from '../common/validation';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { UnitOfWork } from '../database/unit-of-work';
import { NetworksService } from '../networks/networks.service';
import { AccessLogService, type AccessEvent } from '../privacy/access-log.service';
import { FreeTextGuard } from '../privacy/free-text-guard';
import { ReferralNotifications } from './referral-notifications';
import { Referral } from './referral.entity';
import { identityMayMove, toReferralView } from './referral.mapper';

const NOT_FOUND = 'Deze doorverwijzing bestaat niet of je mag hem niet zien.';
const REASON_READERS =
  'De reden leest de coördinator van het andere netwerk, zonder de gegevens van de cliënt: beschrijf waarom de casus daar beter past, zonder namen of adressen.';
const DECLINE_READERS =
  'De reden leest de coördinator van het verwijzende netwerk: schrijf waarom jullie de casus niet overnemen, zonder gegevens van de cliënt.';

/**
 * A warm handover between networks (issue #14, part 2). The coordinator of the case's network refers
 * it to another network of the installation; that network's coordinator sees the pseudonym, problem
 * areas, urgency and the reason — no identity — and accepts (a new case in their network, with the
 * identity only when consent was given or an OGGZ override has its reason) or declines with a reason.
 * Both networks' access logs record each step.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectRepository(Referral) private readonly referrals: Repository<Referral>,
    private readonly units: UnitOfWork,
    private readonly cases: CasesService,
    private readonly networks: NetworksService,
    private readonly guard: FreeTextGuard,
    private readonly accessLog: AccessLogService,
    private readonly notifications: ReferralNotifications,
    private readonly clock: Clock,
  ) {}

  /** The networks a case of this network may be referred to: every other network of the installation. */
  async targets(viewer: Viewer, networkId: string): Promise<ReferralTargetView[]> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'case.refer');
    return (await this.networks.others(networkId)).map((n) => ({ id: n.id, name: n.name, kind: n.kind }));
  }

  async create(viewer: Viewer, caseId: string, dto: CreateReferralDto): Promise<ReferralView> {
    const { record, disclosure } = await this.cases.readable(viewer, caseId);
    requireAccess(disclosure.role, 'case.refer');
    if (dto.toNetworkId === record.networkId)
      throw fieldError('toNetworkId', 'Verwijs door naar een ánder netwerk: deze casus hoort al bij dit netwerk.');
    const names = await this.networks.namesOf([record.networkId, dto.toNetworkId]);
    if (!names.has(dto.toNetworkId)) throw fieldError('toNetworkId', 'Dit netwerk bestaat niet. Kies een netwerk uit de lijst.');
    if (!CASE_TRANSITIONS[record.status].includes('REFERRED'))
      throw new ConflictException(
        `Een casus met status ${CASE_STATUS_LABEL[record.status]} kan niet meer worden doorverwezen; alleen een ingediende of geaccepteerde casus.`,
      );
    if (await this.referrals.existsBy({ caseId: record.id, status: 'PENDING' }))
      throw new ConflictException('Deze casus is al doorverwezen en wacht op het besluit van het andere netwerk.');
    await this.guard.check(viewer, record.networkId, dto, REASON_READERS);

    const referral = this.referrals.create({
      id: newId(),
      caseId: record.id,
      fromNetworkId: record.networkId,
      toNetworkId: dto.toNetworkId,
      status: 'PENDING',
      reason: dto.reason.trim(),
      createdById: viewer.id,
      createdAt: this.clock.now(),
      decidedById: null,
      decidedAt: null,
      declineReason: null,
      newCaseId: null,
      identityMoved: null,
    });
    await this.referrals.insert(referral);
    await this.accessLog.record(
      this.events(viewer, referral, 'REFER', { role: disclosure.role, level: 'PSEUDONYM', purpose: referral.reason }),
    );
    await this.notifications.changed(viewer, referral, record, names);
    return toReferralView(referral, record, record.networkId, names, false);
  }

  /** The network's referrals, both ways, newest first: for its coordinator only (403 for other members, as for any list they may not see). */
  async list(viewer: Viewer, networkId: string): Promise<ReferralView[]> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'referral.read');
    const rows = await this.referrals.find({
      where: [{ toNetworkId: networkId }, { fromNetworkId: networkId }],
      order: { createdAt: 'DESC' },
    });
    const sources = await this.cases.recordsOf(rows.map((r) => r.caseId));
    const names = await this.networks.namesOf(rows.flatMap((r) => [r.fromNetworkId, r.toNetworkId]));
    const mayDecide = can(access.role, 'referral.decide');
    return rows.filter((r) => sources.has(r.caseId)).map((r) => toReferralView(r, sources.get(r.caseId)!, networkId, names, mayDecide));
  }

  /**
   * Takes the case over: in one unit of work the referral is claimed, the new case made (with the
   * identity, encrypted again for it, only when it may move) and the source case set to REFERRED with
   * its history entry. Both access logs record the transfer.
   */
  async accept(viewer: Viewer, referralId: string): Promise<ReferralView> {
    const { referral, role } = await this.pending(viewer, referralId);
    const source = (await this.cases.recordsOf([referral.caseId])).get(referral.caseId)!;
    if (!CASE_TRANSITIONS[source.status].includes('REFERRED'))
      throw new ConflictException(
        `De casus heeft in het verwijzende netwerk inmiddels de status ${CASE_STATUS_LABEL[source.status]} en kan niet meer worden overgenomen.`,
      );
    const now = this.clock.now();
    const taken = await this.units.run(async (manager) => {
      const claimed = await manager
        .withRepository(this.referrals)
        .update({ id: referral.id, status: 'PENDING' }, { status: 'ACCEPTED', decidedById: viewer.id, decidedAt: now });
      if (!claimed.affected) throw new ConflictException('Over deze doorverwijzing is zojuist al besloten. Laad de lijst opnieuw.');
      const result = await this.cases.takeOver(manager, viewer, source, referral, identityMayMove(source));
      await manager
        .withRepository(this.referrals)
        .update({ id: referral.id }, { newCaseId: result.record.id, identityMoved: result.identityMoved });
      return result;
    });
    Object.assign(referral, {
      status: 'ACCEPTED',
      decidedById: viewer.id,
      decidedAt: now,
      newCaseId: taken.record.id,
      identityMoved: taken.identityMoved,
    } satisfies Partial<Referral>);
    await this.accessLog.record(
      this.events(viewer, referral, 'TRANSFER', {
        role,
        level: taken.identityMoved ? 'FULL' : 'PSEUDONYM',
        purpose: referral.reason,
        newCaseId: taken.record.id,
      }),
    );
    await this.notifications.changed(viewer, referral, source, await this.networks.namesOf([referral.fromNetworkId, referral.toNetworkId]));
    return this.view(referral, source, referral.toNetworkId, role);
  }

  async decline(viewer: Viewer, referralId: string, dto: DeclineReferralDto): Promise<ReferralView> {
    const { referral, role } = await this.pending(viewer, referralId);
    await this.guard.check(viewer, referral.toNetworkId, dto, DECLINE_READERS);
    const now = this.clock.now();
    const declineReason = dto.reason.trim();
    const claimed = await this.referrals.update(
      { id: referral.id, status: 'PENDING' },
      { status: 'DECLINED', decidedById: viewer.id, decidedAt: now, declineReason },
    );
    if (!claimed.affected) throw new ConflictException('Over deze doorverwijzing is zojuist al besloten. Laad de lijst opnieuw.');
    Object.assign(referral, { status: 'DECLINED', decidedById: viewer.id, decidedAt: now, declineReason } satisfies Partial<Referral>);
    await this.accessLog.record(this.events(viewer, referral, 'REFER_DECLINE', { role, level: 'PSEUDONYM', purpose: declineReason }));
    const source = (await this.cases.recordsOf([referral.caseId])).get(referral.caseId)!;
    await this.notifications.changed(viewer, referral, source, await this.networks.namesOf([referral.fromNetworkId, referral.toNetworkId]));
    return this.view(referral, source, referral.toNetworkId, role);
  }

  /** The network a referral is decided in (the receiving one), or null when there is none (for the access guard). */
  async networkOf(referralId: string): Promise<string | null> {
    return (await this.referrals.findOne({ where: { id: referralId }, select: { id: true, toNetworkId: true } }))?.toNetworkId ?? null;
  }

  /** A referral to the viewer's network that they may decide, still waiting: 404 for whoever may not know it, 409 when decided. */
  private async pending(viewer: Viewer, referralId: string): Promise<{ referral: Referral; role: NetworkRole | null }> {
    const referral = await this.referrals.findOneBy({ id: referralId });
    if (!referral) throw new NotFoundException(NOT_FOUND);
    const role = await this.networks.roleOf(viewer, referral.toNetworkId);
    if (!can(role, 'referral.read')) throw new NotFoundException(NOT_FOUND);
    requireAccess(role, 'referral.decide');
    if (referral.status !== 'PENDING') throw new ConflictException('Over deze doorverwijzing is al besloten.');
    return { referral, role };
  }

  private async view(referral: Referral, source: Case, networkId: string, role: NetworkRole | null): Promise<ReferralView> {
    const names = await this.networks.namesOf([referral.fromNetworkId, referral.toNetworkId]);
    return toReferralView(referral, source, networkId, names, can(role, 'referral.decide'));
  }

  /**
   * The same step in both networks' access logs: in the referring network on the source case (so
   * that it is in the client's access report there), in the receiving network on the referral, or on
   * its new case once there is one. The actor's role is written in their own network only.
   */
  private events(
    viewer: Viewer,
    referral: Referral,
    action: 'REFER' | 'REFER_DECLINE' | 'TRANSFER',
    facts: { role: AccessEvent['role']; level: 'FULL' | 'PSEUDONYM'; purpose: string; newCaseId?: string },
  ): AccessEvent[] {
    const actorInSource = action === 'REFER';
    const object = { type: 'REFERRAL' as const, id: referral.id };
    return [
      {
        viewer,
        role: actorInSource ? facts.role : null,
        networkId: referral.fromNetworkId,
        caseId: referral.caseId,
        action,
        level: facts.level,
        context: 'DOSSIER',
        object,
        purpose: facts.purpose,
      },
      {
        viewer,
        role: actorInSource ? null : facts.role,
        networkId: referral.toNetworkId,
        caseId: facts.newCaseId ?? null,
        action,
        level: facts.level,
        context: 'DOSSIER',
        object,
        purpose: facts.purpose,
      },
    ];
  }
}
