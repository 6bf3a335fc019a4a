import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { requireAccess } from '../access/require-access';
import type { FileDownload } from '../common/file-download';
import { renderAccessReport } from './access-report';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, IsNull, Repository, type EntityManager } from 'typeorm';
import { CASE_TRANSITIONS, STATUSES_NEEDING_REASON } from '@casustafel/contract/case-rules';
import {
  type CaseListQuery,
  type CaseListView,
  type CaseView,
  type CreateCaseDto,
  type UpdateCaseStatusDto,
} from '@casustafel/contract/cases';
import type { DisclosureLevel, DisclosureRole, DisclosureContext } from '@casustafel/contract/enums';
import { dutchDate, dutchYear } from '../common/amsterdam-time';
import { Clock } from '../common/clock';
import { Notifier } from '../notifications/notifier';
import { namesFor } from '../common/names';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { placeholder } from '../database/raw-entity';
import { RunOnce } from '../database/run-once';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { AccessLogService, type AccessEvent } from '../privacy/access-log.service';
import type { Disclosure } from '../privacy/disclosure-policy';
import { DisclosureService, type NetworkDisclosure } from '../privacy/disclosure.service';
import { pseudonymDisplay } from '../privacy/client-view';
import { IdentityCipher, type ClientIdentity } from '../privacy/identity-cipher';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { toCaseView } from './case.mapper';
import { ClientIdentityRecord } from './client-identity.entity';
import { drawPseudonym } from './pseudonyms';
import { CaseDirectory } from './case-directory';
import { caseKindSql, dependsOnOpenAction, kindsWhere } from './case-kind';
import { FreeTextGuard } from '../privacy/free-text-guard';
import type { HeldCondition } from '../privacy/open-actions';

export const PAGE_SIZE = 25;
const NOT_FOUND = 'Deze casus bestaat niet of je mag hem niet zien.';
const NO_NAMES =
  'De samenvatting, de buurt, de reden en de onderbouwing ziet iedereen die de casus ziet, ook onder het pseudoniem: beschrijf de situatie zonder gegevens van de cliënt; die staan bij de cliënt zelf.';

type Visible = { record: Case; disclosure: Disclosure & { level: Exclude<Disclosure['level'], 'HIDDEN'> } };

@Injectable()
export class CasesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(ClientIdentityRecord) private readonly identities: Repository<ClientIdentityRecord>,
    private readonly units: UnitOfWork,
    private readonly networks: NetworksService,
    private readonly organisations: OrganisationsService,
    private readonly disclosures: DisclosureService,
    private readonly accessLog: AccessLogService,
    private readonly cipher: IdentityCipher,
    private readonly directory: CaseDirectory,
    private readonly guard: FreeTextGuard,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly once: RunOnce,
  ) {}

  /**
   * Identities stored before the identity guard had blind indexes, or before the installation-wide
   * match key (ADR 0021), get them now: the key is needed, so this cannot be done in a migration. One
   * instance at a time, as a migration would be (ADR 0026).
   */
  onApplicationBootstrap(): Promise<void> {
    return this.once.exclusive('blind-indexes', () => this.indexMissing());
  }

  private async indexMissing(): Promise<void> {
    const missing = await this.identities
      .createQueryBuilder('i')
      .where('NOT EXISTS (SELECT 1 FROM client_identifiers x WHERE x."caseId" = i."caseId")')
      .orWhere('NOT EXISTS (SELECT 1 FROM client_match_keys k WHERE k."caseId" = i."caseId")')
      .getMany();
    if (missing.length === 0) return;
    await this.units.run(async (manager) => {
      for (const record of missing)
        await this.directory.index(manager, record.caseId, record.networkId, this.cipher.decrypt(record.ciphertext, record.caseId));
    });
    this.logger.log(`Blinde indexen en koppelsleutels gemaakt voor ${missing.length} bestaande cliënten.`);
  }

  /**
   * Brings in a case: the case, the client's encrypted identity and its blind indexes in one unit of
   * work. `together` runs first in that unit, for a write the case belongs with (the question it
   * grew out of); when it throws, nothing is stored.
   */
  async create(
    viewer: Viewer,
    networkId: string,
    dto: CreateCaseDto,
    options: { sourceQuestionId?: string; together?: (manager: EntityManager, caseId: string) => Promise<void> } = {},
  ): Promise<CaseView> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'case.create');
    if (dto.consent === 'OVERRIDE_OGGZ') {
      if (access.network.kind !== 'OGGZ') {
        throw new BadRequestException('De bemoeizorg-uitzondering geldt alleen in een OGGZ-netwerk. Kies of de cliënt toestemming gaf.');
      }
      if ((dto.consentOverrideReason?.trim().length ?? 0) < 20) {
        throw new BadRequestException(
          'Onderbouw schriftelijk waarom het probleem zwaarder weegt dan de privacy van de cliënt (minstens 20 tekens).',
        );
      }
    }
    const identity: ClientIdentity = {
      givenName: dto.client.givenName.trim(),
      surname: dto.client.surname.trim(),
      dateOfBirth: dto.client.dateOfBirth,
      street: dto.client.street.trim(),
      houseNumber: dto.client.houseNumber.trim(),
      postcode: dto.client.postcode.replace(/\s+/g, '').toUpperCase(),
      city: dto.client.city.trim(),
      phone: dto.client.phone?.trim() || null,
    };
    if (Number.isNaN(Date.parse(identity.dateOfBirth)) || identity.dateOfBirth > dutchDate(this.clock.now())) {
      throw new BadRequestException('Vul een geldige geboortedatum in die niet in de toekomst ligt.');
    }
    await this.guard.check(viewer, networkId, dto, NO_NAMES, { identity });

    const record = await this.units.run(async (manager) => {
      const id = newId();
      await options.together?.(manager, id);
      return this.insertWithNumber(manager, id, viewer, networkId, this.fieldsOf(dto, options.sourceQuestionId ?? null), identity);
    });
    const disclosure = await this.disclosures.forNetwork(viewer, networkId, 'DOSSIER', [record.id], { role: access.role });
    const decided = disclosure.decide(record);
    await this.accessLog.record([this.event(disclosure, record, 'CREATE', decided.level)]);
    return (await this.views(viewer, disclosure, [{ record, disclosure: decided as Visible['disclosure'] }]))[0];
  }

  /**
   * A page of the network's cases that the viewer may see, filtered, searched, sorted and counted in
   * the database: the disclosure policy says which kinds of case it shows this viewer (case-kind.ts),
   * and decides each case of the page as everywhere else.
   */
  async list(viewer: Viewer, networkId: string, query: CaseListQuery): Promise<CaseListView> {
    const role = await this.networks.memberRole(viewer, networkId);
    const page = query.page ?? 1;
    const standing = await this.disclosures.standing(viewer, networkId, 'DOSSIER', { role });
    const levels = standing.levelsByCaseKind();
    const shown = kindsWhere(levels, (level) => level !== 'HIDDEN');
    // A surname only counts where the viewer may see the full name: otherwise the search would tell
    // them who is behind a pseudonym.
    const fullNames = kindsWhere(levels, (level) => level === 'FULL');
    if (shown.length === 0) return { items: [], total: 0, page, pageSize: PAGE_SIZE };
    const held =
      dependsOnOpenAction(levels, shown) || dependsOnOpenAction(levels, fullNames) ? this.disclosures.heldByViewer(standing) : null;
    const kind = caseKindSql('c', viewer, held);

    const q = query.q?.trim().toLowerCase();
    const filtered = !!(query.status || query.urgency || query.problemArea || query.neighbourhood || q);
    // Without filters the total comes from the counters the database keeps (case_ties, ADR 0030): the same
    // few rows at 1,000 cases as at 100,000.
    const counted = filtered ? null : await this.countShown(viewer, networkId, levels, shown, held);

    const select = this.cases.createQueryBuilder('c').where('c."networkId" = :networkId', { networkId });
    // The kinds are the policy's own small numbers (case-kind.ts), written into the SQL: no parameter list at all.
    if (shown.length < levels.size) {
      select.andWhere(`${kind.sql} IN (${shown.join(', ')})`, kind.parameters);
      const tied = tiedCases(shown, held);
      // Only tied cases are shown. The database either starts from those (the set of tied cases, read whole), or
      // walks the network's cases in the list's order and stops at the end of the page: the walk reads about
      // page × 25 × (network / shown) cases, the set every shown case; the set only where it is the smaller, and
      // never with a filter: PostgreSQL joined a filtered walk to a set of 33,000 in a nested loop, 73 s (ADR 0030).
      const set = counted !== null && (page * PAGE_SIZE * counted.network) / Math.max(counted.total, 1) >= counted.total;
      if (tied && set) select.andWhere(`c."id" IN (${tied})`);
    }
    if (query.status) select.andWhere('c."status" = :status', { status: query.status });
    if (query.urgency) select.andWhere('c."urgency" = :urgency', { urgency: query.urgency });
    // Problem areas are stored as a JSON array of codes: the quoted code occurs in it exactly when it is one of them.
    if (query.problemArea) select.andWhere(`c."problemAreas" LIKE :area ESCAPE '\\'`, { area: `%"${escapeLike(query.problemArea)}"%` });
    if (query.neighbourhood)
      select.andWhere('LOWER(c."neighbourhood") = :neighbourhood', { neighbourhood: query.neighbourhood.trim().toLowerCase() });
    if (q) {
      select.andWhere(
        new Brackets((search) => {
          search
            .where(`LOWER(c."number") LIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(q)}%` })
            .orWhere(`LOWER(c."pseudonym") LIKE :pattern ESCAPE '\\'`);
          if (fullNames.length)
            search.orWhere(
              `(c."id" IN (SELECT i."caseId" FROM "client_identities" i WHERE i."networkId" = :networkId AND i."surnameIndex" = :surname) AND ${kind.sql} IN (${fullNames.join(', ')}))`,
              { ...kind.parameters, surname: this.cipher.surnameIndex(q) },
            );
        }),
      );
    }
    // With filters a plain COUNT(*) (getManyAndCount counts DISTINCT ids, which sorts every id the filter keeps).
    const total =
      counted?.total ?? Number((await select.clone().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>())?.total ?? 0);
    const records = await select
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.number', 'DESC')
      .offset((page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .getMany();

    const disclosure = await this.disclosures.forCases(
      standing,
      records.map((r) => r.id),
    );
    const matchesNumber = (r: Case) => !!q && (r.number.toLowerCase().includes(q) || r.pseudonym.toLowerCase().includes(q));
    const pageItems = records
      .map((record) => ({ record, disclosure: disclosure.decide(record) }))
      // What the query found is decided again case by case (an action may have closed in between).
      .filter((v): v is Visible => v.disclosure.level !== 'HIDDEN' && (!q || matchesNumber(v.record) || v.disclosure.level === 'FULL'));
    const searchedBySurname = new Set(pageItems.filter((v) => q && !matchesNumber(v.record)).map((v) => v.record.id));
    await this.accessLog.record(
      pageItems
        .filter((v) => v.disclosure.level !== 'PSEUDONYM')
        .map((v) => this.event(disclosure, v.record, searchedBySurname.has(v.record.id) ? 'SEARCH' : 'LIST', v.disclosure.level)),
    );
    return { items: await this.views(viewer, disclosure, pageItems), total, page, pageSize: PAGE_SIZE };
  }

  /**
   * How many cases of the network the viewer's list shows without filters, from the counters the database keeps
   * (migration CaseTies): per kind of case, for all cases of the network (`organisationId` '', the kind without the
   * tie bits) and for the cases tied to the viewer's organisation (its kind for that organisation). A case counts
   * once by its kind for everyone, corrected where the tie to the viewer's organisation moves it to another kind.
   * The viewer's own cases (bit 1) are counted from the cases themselves, and only when bit 1 changes what is shown.
   * `network` is the number of cases in the network.
   */
  private async countShown(
    viewer: Viewer,
    networkId: string,
    levels: Map<number, DisclosureLevel>,
    shown: number[],
    held: HeldCondition | null,
  ): Promise<{ total: number; network: number }> {
    const source = this.cases.manager.connection;
    const rows: { organisationId: string; kind: number | string; n: number | string }[] = await this.cases.manager.query(
      `SELECT "organisationId", "kind", "n" FROM "case_counts" WHERE "networkId" = ${placeholder(source, 0)} AND "organisationId" IN ('', ${placeholder(source, 1)})`,
      [networkId, viewer.organisationId],
    );
    const isShown = new Set(shown);
    let total = 0;
    let network = 0;
    for (const row of rows) {
      const kind = Number(row.kind);
      const n = Number(row.n);
      if (row.organisationId === '') {
        network += n;
        if (isShown.has(kind)) total += n;
      } else {
        // Without `held` the list gives no case bit 4 (case-kind.ts); the case was counted above by its kind without ties.
        const tiedKind = held ? kind : kind & ~4;
        total += n * (Number(isShown.has(tiedKind)) - Number(isShown.has(kind & ~7)));
      }
    }
    const ownMatters = [...levels.keys()].filter((kind) => (kind & 1) === 0 && isShown.has(kind) !== isShown.has(kind | 1));
    if (ownMatters.length) {
      const kind = caseKindSql('c', viewer, held);
      const own = this.cases
        .createQueryBuilder('c')
        .select(`SUM(CASE WHEN ${kind.sql} IN (${shown.join(', ')}) THEN 1 ELSE 0 END)`, 'with')
        .addSelect(`SUM(CASE WHEN ${kind.sql} - 1 IN (${shown.join(', ')}) THEN 1 ELSE 0 END)`, 'without')
        .where('c."networkId" = :networkId AND c."submittedById" = :kindViewerId', { networkId, ...kind.parameters });
      // Usually bit 1 matters only where bit 2 does not (a case the viewer brought in for another organisation than
      // theirs now): then only those are read, from the index on (networkId, submittedById, submittedByOrganisationId).
      if (ownMatters.every((kind) => (kind & 2) === 0))
        own.andWhere('(c."submittedByOrganisationId" < :kindOrganisationId OR c."submittedByOrganisationId" > :kindOrganisationId)');
      const sums = await own.getRawOne<{ with: number | string | null; without: number | string | null }>();
      total += Number(sums?.with ?? 0) - Number(sums?.without ?? 0);
    }
    return { total, network };
  }

  async get(viewer: Viewer, caseId: string, context: DisclosureContext = 'DOSSIER'): Promise<CaseView> {
    const { record, disclosure, decided } = await this.visible(viewer, caseId, context);
    if (decided.level !== 'PSEUDONYM') await this.accessLog.record([this.event(disclosure, record, 'VIEW', decided.level)]);
    return (await this.views(viewer, disclosure, [{ record, disclosure: decided }]))[0];
  }

  async updateStatus(viewer: Viewer, caseId: string, dto: UpdateCaseStatusDto): Promise<CaseView> {
    const { record, disclosure, decided } = await this.visible(viewer, caseId, 'DOSSIER');
    requireAccess(disclosure.role, 'case.updateStatus');
    await this.guard.check(viewer, record.networkId, dto, NO_NAMES);
    if (!CASE_TRANSITIONS[record.status].includes(dto.status)) {
      throw new ConflictException(
        `Een casus met status ${record.status} kan niet naar ${dto.status}. Mogelijk: ${CASE_TRANSITIONS[record.status].join(', ') || 'geen'}.`,
      );
    }
    const reason = dto.reason?.trim() || null;
    if (STATUSES_NEEDING_REASON.includes(dto.status) && (!reason || reason.length < 5)) {
      throw new BadRequestException('Geef een reden: de inbrenger krijgt die te zien als terugkoppeling.');
    }
    const now = this.clock.now();
    const from = record.status;
    const changes = { status: dto.status, statusReason: reason, updatedAt: now, closedAt: dto.status === 'CLOSED' ? now : record.closedAt };
    // The change and its entry in the case's history in one unit of work; the change claims the case in the
    // status it was read in, so of two changes at once one goes through and the other is refused.
    const changed = await this.units.run(async (manager) => {
      const claimed = await manager.withRepository(this.cases).update({ id: record.id, status: from }, changes);
      if (!claimed.affected) return false;
      await manager.getRepository(CaseEvent).insert({
        id: newId(),
        caseId: record.id,
        at: now,
        fromStatus: from,
        toStatus: dto.status,
        reason,
        userId: viewer.id,
      });
      return true;
    });
    if (!changed) throw new ConflictException('Deze casus is zojuist door iemand anders gewijzigd. Laad hem opnieuw.');
    Object.assign(record, changes);
    await this.accessLog.record([this.event(disclosure, record, 'UPDATE', decided.level)]);
    // The feedback loop: the organisation that brought the case in hears of its new status.
    await this.notifier.emit({ type: 'CASE_STATUS_CHANGED', actorId: viewer.id, case: record, status: dto.status, reason });
    return (await this.views(viewer, disclosure, [{ record, disclosure: decided }]))[0];
  }

  /**
   * A case the viewer may see in their dossier, with the disclosure that decided it, for a view that shows
   * no identity (the case's history): the same 404 as GET /api/cases/:id when they may not.
   */
  async readable(viewer: Viewer, caseId: string): Promise<{ record: Case; disclosure: NetworkDisclosure }> {
    const { record, disclosure } = await this.visible(viewer, caseId, 'DOSSIER');
    return { record, disclosure };
  }

  /** AVG art. 15: who saw this client's data, and when, as a PDF for the coordinator (logged as an export). */
  async accessReport(viewer: Viewer, caseId: string): Promise<FileDownload> {
    const { record, disclosure, decided } = await this.visible(viewer, caseId, 'DOSSIER');
    requireAccess(disclosure.role, 'case.accessReport');
    await this.accessLog.record([this.event(disclosure, record, 'EXPORT', decided.level)]);
    const network = await this.networks.findById(record.networkId);
    const view = (await this.views(viewer, disclosure, [{ record, disclosure: decided }]))[0];
    const entries = await this.accessLog.forCase(record.networkId, record.id);
    const bytes = await renderAccessReport({ view, networkName: network.name, entries, preparedFor: viewer.name, now: this.clock.now() });
    return { bytes, contentType: 'application/pdf', filename: `inzageoverzicht-${view.number}.pdf` };
  }

  /**
   * Case views for a meeting's agenda, in the given context (MEETING for those present while it
   * runs, DOSSIER otherwise): cases the viewer may not see are left out. Disclosures above the
   * pseudonym are logged like any other.
   */
  async visibleViews(
    viewer: Viewer,
    networkId: string,
    caseIds: string[],
    context: DisclosureContext,
    options: { role?: DisclosureRole; covenantVersion?: number; action?: 'VIEW' | 'EXPORT' } = {},
  ): Promise<Map<string, CaseView>> {
    if (caseIds.length === 0) return new Map();
    const records = await this.cases.findBy({ id: In(caseIds), networkId });
    return (await this.visibleViewsOf(viewer, networkId, records, context, options)).views;
  }

  /**
   * The same for cases the caller has loaded already (the meeting view loads them with its agenda),
   * with the disclosure that decided them, so that the caller labels what else it shows of these
   * cases by the same decisions (CaseLabels.decided). Names of organisations the caller knows are
   * not loaded again.
   */
  async visibleViewsOf(
    viewer: Viewer,
    networkId: string,
    records: Case[],
    context: DisclosureContext,
    options: {
      role?: DisclosureRole | null;
      covenantVersion?: number;
      action?: 'VIEW' | 'EXPORT';
      organisationNames?: ReadonlyMap<string, string>;
    } = {},
  ): Promise<{ views: Map<string, CaseView>; disclosure: NetworkDisclosure }> {
    const disclosure = await this.disclosures.forNetwork(
      viewer,
      networkId,
      context,
      records.map((r) => r.id),
      options,
    );
    const visible = records
      .map((record) => ({ record, disclosure: disclosure.decide(record) }))
      .filter((v): v is Visible => v.disclosure.level !== 'HIDDEN');
    await this.accessLog.record(
      visible
        .filter((v) => v.disclosure.level !== 'PSEUDONYM')
        .map((v) => this.event(disclosure, v.record, options.action ?? 'VIEW', v.disclosure.level)),
    );
    const views = await this.views(viewer, disclosure, visible, options.organisationNames);
    return { views: new Map(views.map((v) => [v.id, v])), disclosure };
  }

  /** Cases that may go on an agenda: accepted or monitored, with what an agenda title may show (the pseudonym). */
  async agendaCandidates(networkId: string): Promise<{ id: string; status: Case['status']; label: string }[]> {
    const found = await this.cases.find({ where: { networkId, status: In(['ACCEPTED', 'MONITORING']) }, order: { createdAt: 'ASC' } });
    return found.map((c) => ({ id: c.id, status: c.status, label: pseudonymDisplay(c.number, c.pseudonym) }));
  }

  /** The status of these cases of the network (no identity), for the minutes' draft: caseId → status and reason. */
  async statusesOf(networkId: string, caseIds: string[]): Promise<Map<string, { status: Case['status']; reason: string | null }>> {
    const ids = [...new Set(caseIds)];
    const found = ids.length
      ? await this.cases.find({ where: { id: In(ids), networkId }, select: { id: true, status: true, statusReason: true } })
      : [];
    return new Map(found.map((c) => [c.id, { status: c.status, reason: c.statusReason }]));
  }

  /** The pseudonym label of a case in the network, or null when there is no such case. */
  async label(networkId: string, caseId: string): Promise<string | null> {
    const c = await this.cases.findOneBy({ id: caseId, networkId });
    return c ? pseudonymDisplay(c.number, c.pseudonym) : null;
  }

  /** The network a case belongs to, or null when there is no such case (for the log of refused attempts; no access check). */
  async networkOf(caseId: string): Promise<string | null> {
    return (await this.cases.findOne({ where: { id: caseId }, select: { id: true, networkId: true } }))?.networkId ?? null;
  }

  /** Cases whose retention period has passed since closing and whose identity still exists. */
  async closedWithIdentity(): Promise<Case[]> {
    return this.cases.find({ where: { status: 'CLOSED', identityErasedAt: IsNull() } });
  }

  /** These cases as stored (no identity, no access check): for the referrals' views, which show the pseudonym only. */
  async recordsOf(caseIds: string[]): Promise<Map<string, Case>> {
    const ids = [...new Set(caseIds)];
    const found = ids.length ? await this.cases.findBy({ id: In(ids) }) : [];
    return new Map(found.map((c) => [c.id, c]));
  }

  /**
   * A warm handover, accepted (issue #14), in the caller's unit of work: the source case becomes
   * REFERRED (claimed in the status it was read in, with its entry in the history), and the receiving
   * network gets a new case with its own number and pseudonym, ACCEPTED by the accepting coordinator.
   * The identity is decrypted and encrypted again for the new case (the case id is its AAD) only when
   * `moveIdentity`; otherwise the new case starts without one (and shows the pseudonym to everyone).
   * Returns the new case and whether the identity moved.
   */
  async takeOver(
    manager: EntityManager,
    viewer: Viewer,
    source: Case,
    referral: { id: string; toNetworkId: string; reason: string },
    moveIdentity: boolean,
  ): Promise<{ record: Case; identityMoved: boolean }> {
    const { id: referralId, toNetworkId, reason } = referral;
    const now = this.clock.now();
    const claimed = await manager
      .withRepository(this.cases)
      .update({ id: source.id, status: source.status }, { status: 'REFERRED', statusReason: reason, updatedAt: now });
    if (!claimed.affected) throw new ConflictException('Deze casus is zojuist door iemand anders gewijzigd. Laad hem opnieuw.');
    await manager.getRepository(CaseEvent).insert({
      id: newId(),
      caseId: source.id,
      at: now,
      fromStatus: source.status,
      toStatus: 'REFERRED',
      reason,
      userId: viewer.id,
    });
    let identity: ClientIdentity | null = null;
    if (moveIdentity) {
      const stored = await manager.getRepository(ClientIdentityRecord).findOneBy({ caseId: source.id });
      identity = stored ? this.cipher.decrypt(stored.ciphertext, source.id) : null;
    }
    const id = newId();
    const record = await this.insertWithNumber(
      manager,
      id,
      viewer,
      toNetworkId,
      {
        neighbourhood: source.neighbourhood,
        problemAreas: source.problemAreas,
        urgency: source.urgency,
        consent: source.consent,
        consentOverrideReason: source.consentOverrideReason,
        summary: source.summary,
        status: 'ACCEPTED',
        statusReason: reason,
        sourceQuestionId: null,
        sourceReferralId: referralId,
        // Without the identity the case holds none: the policy shows everyone the pseudonym, as after erasure.
        identityErasedAt: identity ? null : now,
      },
      identity,
    );
    await manager.getRepository(CaseEvent).insert({
      id: newId(),
      caseId: id,
      at: now,
      fromStatus: null,
      toStatus: 'ACCEPTED',
      reason,
      userId: viewer.id,
    });
    return { record, identityMoved: identity !== null };
  }

  /**
   * Erases the identity for good: the ciphertext and blind index go, the case keeps pseudonym and
   * history. Claimed by setting identityErasedAt, so that of two runs at once (two instances, or the
   * schedule and `npm run retention`) one erases and logs it; false for the other.
   */
  async eraseIdentity(record: Case): Promise<boolean> {
    const erased = await this.units.run(async (manager) => {
      const claimed = await manager
        .getRepository(Case)
        .update({ id: record.id, identityErasedAt: IsNull() }, { identityErasedAt: this.clock.now() });
      if (!claimed.affected) return false;
      await manager.getRepository(ClientIdentityRecord).delete({ caseId: record.id });
      await this.directory.forget(manager, record.id);
      return true;
    });
    if (!erased) return false;
    await this.accessLog.record([
      { viewer: null, role: null, networkId: record.networkId, caseId: record.id, action: 'ERASE', level: null, context: null },
    ]);
    return true;
  }

  private async visible(viewer: Viewer, caseId: string, context: DisclosureContext) {
    const record = await this.cases.findOneBy({ id: caseId });
    if (!record) throw new NotFoundException(NOT_FOUND);
    const disclosure = await this.disclosures.forNetwork(viewer, record.networkId, context, [record.id]);
    const decided = disclosure.decide(record);
    if (decided.level === 'HIDDEN') throw new NotFoundException(NOT_FOUND);
    return { record, disclosure, decided: decided as Visible['disclosure'] };
  }

  /** Decrypts only the identities whose level needs them, then maps every case through the one mapper. */
  private async views(
    viewer: Viewer,
    disclosure: NetworkDisclosure,
    items: Visible[],
    knownOrganisations?: ReadonlyMap<string, string>,
  ): Promise<CaseView[]> {
    const needIdentity = items.filter((v) => v.disclosure.level !== 'PSEUDONYM').map((v) => v.record.id);
    const source = this.identities.manager.connection;
    // One plain statement for the page's identities (the ciphertexts only), not a repository find.
    const records: { caseId: string; ciphertext: string }[] = needIdentity.length
      ? await this.identities.manager.query(
          `SELECT "caseId", "ciphertext" FROM "client_identities" WHERE "caseId" IN (${needIdentity.map((_, i) => placeholder(source, i)).join(', ')})`,
          needIdentity,
        )
      : [];
    const identities = new Map(records.map((r) => [r.caseId, this.cipher.decrypt(r.ciphertext, r.caseId)]));
    const orgNames = await namesFor(
      items.map((v) => v.record.submittedByOrganisationId),
      knownOrganisations,
      (ids) => this.organisations.namesOf(ids),
    );
    return items.map((v) =>
      toCaseView(v.record, v.disclosure, identities.get(v.record.id) ?? null, viewer, {
        submittingOrganisationName: orgNames.get(v.record.submittedByOrganisationId) ?? '',
        mayUpdateStatus: can(disclosure.role, 'case.updateStatus'),
      }),
    );
  }

  private event(disclosure: NetworkDisclosure, record: Case, action: AccessEvent['action'], level: Disclosure['level']): AccessEvent {
    return {
      viewer: disclosure.viewer,
      role: disclosure.role,
      networkId: record.networkId,
      caseId: record.id,
      action,
      level,
      context: disclosure.context,
    };
  }

  /**
   * Stores the case with the next number of its network and year, in the caller's unit of work. Two
   * cases numbered at once (other API instances, on PostgreSQL) collide on the unique number: the
   * loser's savepoint is rolled back and it takes the next number.
   */
  private fieldsOf(dto: CreateCaseDto, sourceQuestionId: string | null): NewCaseFields {
    return {
      neighbourhood: dto.neighbourhood.trim(),
      problemAreas: [...new Set(dto.problemAreas)],
      urgency: dto.urgency,
      consent: dto.consent,
      consentOverrideReason: dto.consent === 'OVERRIDE_OGGZ' ? dto.consentOverrideReason!.trim() : null,
      summary: dto.summary.trim(),
      status: 'SUBMITTED',
      statusReason: null,
      sourceQuestionId,
      sourceReferralId: null,
      identityErasedAt: null,
    };
  }

  /**
   * Stores the case with the next number of its network and year, in the caller's unit of work, with
   * the client's identity (encrypted, indexed) when there is one. Two cases numbered at once (other
   * API instances, on PostgreSQL) collide on the unique number: the loser's savepoint is rolled back
   * and it takes the next number.
   */
  private async insertWithNumber(
    manager: EntityManager,
    id: string,
    viewer: Viewer,
    networkId: string,
    fields: NewCaseFields,
    identity: ClientIdentity | null,
  ): Promise<Case> {
    const now = this.clock.now();
    const year = dutchYear(now);
    for (let attempt = 1; ; attempt++) {
      try {
        return await manager.transaction(async (m) => {
          const cases = m.getRepository(Case);
          const { last } = (await cases
            .createQueryBuilder('c')
            .select('MAX(CAST(SUBSTR(c."number", 6) AS INTEGER))', 'last')
            .where('c."networkId" = :networkId AND c."number" LIKE :year', { networkId, year: `${year}-%` })
            .getRawOne<{ last: number | string | null }>())!;
          const taken = await cases.find({ where: { networkId }, select: { pseudonym: true } });
          const record = cases.create({
            ...fields,
            id,
            networkId,
            number: `${year}-${String(Number(last ?? 0) + 1).padStart(3, '0')}`,
            pseudonym: drawPseudonym(new Set(taken.map((c) => c.pseudonym))),
            submittedById: viewer.id,
            submittedByOrganisationId: viewer.organisationId,
            createdAt: now,
            updatedAt: now,
            closedAt: null,
          });
          await cases.insert(record);
          if (identity) {
            await m.getRepository(ClientIdentityRecord).insert({
              caseId: id,
              networkId,
              ciphertext: this.cipher.encrypt(identity, id),
              surnameIndex: this.cipher.surnameIndex(identity.surname),
            });
            await this.directory.index(m, id, networkId, identity);
          }
          return record;
        });
      } catch (error) {
        if (attempt < 10 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }
}

/** What a new case holds apart from its id, network, number, pseudonym, submitter and moments. */
type NewCaseFields = Pick<
  Case,
  | 'neighbourhood'
  | 'problemAreas'
  | 'urgency'
  | 'consent'
  | 'consentOverrideReason'
  | 'summary'
  | 'status'
  | 'statusReason'
  | 'sourceQuestionId'
  | 'sourceReferralId'
  | 'identityErasedAt'
>;

/**
 * When every kind of case the viewer may see is tied to them — brought in by them (kind bit 1) or their
 * organisation (2), or with an open action of their organisation (4) — the cases so tied, as a subquery
 * (with the parameters of caseKindSql): the database starts from those (indexes on submitter and
 * submitting organisation, and on the actions' owner) instead of deciding the kind of every case in the
 * network (a shell partner in an OGGZ network; issue #15). Null when some kind shown is not tied.
 */
function tiedCases(shown: number[], held: HeldCondition | null): string | null {
  // Without `held` no row gets bit 4, so kinds that need it are never found and do not count.
  const reachable = shown.filter((kind) => held || (kind & 4) === 0);
  if (reachable.some((kind) => (kind & 7) === 0)) return null;
  const tied = [
    `SELECT t."id" FROM "cases" t WHERE t."networkId" = :networkId AND t."submittedById" = :kindViewerId`,
    `SELECT t."id" FROM "cases" t WHERE t."networkId" = :networkId AND t."submittedByOrganisationId" = :kindOrganisationId`,
  ];
  if (held) tied.push(held.cases);
  return tied.join(' UNION ');
}

/** `text` for a LIKE pattern, with LIKE's own characters (and the escape character, a backslash) escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
