import { BadRequestException, BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  And,
  In,
  LessThan,
  LessThanOrEqual,
  MoreThan,
  MoreThanOrEqual,
  Repository,
  type FindOperator,
  type FindOptionsWhere,
} from 'typeorm';
import {
  ACCESS_CHANGE_ACTIONS,
  ACCESS_LOG_PAGE_SIZE,
  type AccessAction,
  type AccessContext,
  type AccessLogEntryView,
  type AccessLogQuery,
  type AccessLogVerification,
  type AccessObjectType,
  type AccessOutcome,
  type AdminChangesView,
} from '@casustafel/contract/access-log';
import type { DisclosureLevel } from '@casustafel/contract/enums';
import { Clock } from '../common/clock';
import { dutchPeriod } from '../common/amsterdam-time';
import type { Viewer } from '../common/viewer';
import { AppConfig } from '../config/app-config';
import { insertRows } from '../database/insert-rows';
import { lockForTransaction } from '../database/run-once';
import { UnitOfWork } from '../database/unit-of-work';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import { AccessLogAnchor, type AnchorHead } from './access-log-anchor';
import { accessLogKeys, expectedHash, GENESIS, KEYED_CHAIN, keyedHash } from './access-log-chain';
import { AccessLogEntry } from './access-log-entry.entity';
import { toAccessLogEntryView } from './access-log.mapper';
import { AdminChangesSeen } from './admin-changes-seen.entity';

/** One event for the log. Fields added for NEN 7513 are optional, so existing callers keep working. */
export interface AccessEvent {
  /** Who acted; null for the system itself (retention). */
  viewer: Pick<Viewer, 'id' | 'organisationId' | 'ip'> | null;
  /** Their role in the network, or 'ADMIN' for the administrator. */
  role: string | null;
  networkId: string | null;
  caseId: string | null;
  questionId?: string | null;
  action: AccessAction;
  level: DisclosureLevel | null;
  /** Purpose of use. */
  context: AccessContext | null;
  /** SUCCESS when left out; 'OK', the older word, is written as SUCCESS. */
  outcome?: AccessOutcome | 'OK';
  /** What it is about; by default the case, or else the question. */
  object?: { type: AccessObjectType; id: string | null } | null;
  /** For access changes: whom it concerned. */
  subject?: { userId?: string | null; organisationId?: string | null; role?: string | null } | null;
  /** The purpose the user gave in their own words (free text that passed the identity guard). */
  purpose?: string | null;
}

type Head = { seq: number; hash: string };

/** How long entries may wait before the anchor follows them. */
const ANCHOR_INTERVAL_MS = 1000;
const ADMIN_CHANGES_SHOWN = 100;
/** Entries read at a time by verify(). */
const VERIFY_BATCH = 5000;
/** Every column of the entry, as verify() reads it (the object literal in rawBatch must list the same). */
const VERIFY_COLUMNS: (keyof AccessLogEntry)[] = [
  'seq',
  'eventId',
  'at',
  'userId',
  'organisationId',
  'role',
  'networkId',
  'caseId',
  'action',
  'questionId',
  'level',
  'context',
  'ip',
  'purpose',
  'outcome',
  'objectType',
  'objectId',
  'subjectUserId',
  'subjectOrganisationId',
  'subjectRole',
  'chain',
  'prevHash',
  'hash',
];

/**
 * The append-only access log. Entries are chained with HMAC-SHA-256 under a key derived from the
 * data key, so the database alone cannot recompute the chain; the head is anchored outside the
 * database (AccessLogAnchor) at least once a second while entries arrive, and at shutdown. Writes
 * are queued in this process; on PostgreSQL the appends of all instances take turns under an advisory
 * lock (ADR 0026), and an append is still retried should another writer have taken its sequence number.
 */
@Injectable()
export class AccessLogService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private readonly chainKey: Buffer;
  private queue: Promise<unknown> = Promise.resolve();
  /** The newest head this process knows to be genuine: the anchor at start, then its own appends. */
  private trusted: Head | null = null;
  /** The first keyed entry, once there is one. */
  private keyedFrom: number | null = null;
  /** Appended, not yet anchored. */
  private pending: Head | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushes: Promise<unknown> = Promise.resolve();
  /** Recorded, waiting for the next transaction of the log (group commit). */
  private waiting: { events: AccessEvent[]; done: () => void; fail: (error: unknown) => void }[] = [];

  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    @InjectRepository(AdminChangesSeen) private readonly seen: Repository<AdminChangesSeen>,
    private readonly units: UnitOfWork,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly anchor: AccessLogAnchor,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.chainKey = accessLogKeys(config.dataKey).chainKey;
    const unread = entries.metadata.columns
      .map((c) => c.propertyName)
      .filter((name) => !VERIFY_COLUMNS.includes(name as keyof AccessLogEntry));
    if (unread.length > 0) throw new Error(`verify() reads no ${unread.join(', ')}: add it to VERIFY_COLUMNS and rawBatch.`);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.enqueue(() => this.start());
  }

  /** Lets queued entries land, then anchors the head. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue;
    await this.flushAnchor();
  }

  /**
   * Appends the events, in a transaction of the log's own. Never inside a unit of work: the entries
   * follow its commit, so that the log records what happened, not what was rolled back (ADR 0010).
   */
  record(events: AccessEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    if (UnitOfWork.active()) return Promise.reject(new Error('The access log is written after the unit of work commits, not inside it.'));
    return new Promise<void>((done, fail) => {
      this.waiting.push({ events, done, fail });
      if (this.waiting.length === 1) void this.enqueue(() => this.drain());
    });
  }

  /** The network's entries, newest first, filtered in SQL, one page at a time. */
  async list(networkId: string, query: AccessLogQuery = {}): Promise<AccessLogEntryView[]> {
    const where: FindOptionsWhere<AccessLogEntry> = { networkId };
    if (query.caseId) where.caseId = query.caseId;
    if (query.action) where.action = query.action;
    if (query.outcome) where.outcome = query.outcome === 'SUCCESS' ? In(['SUCCESS', 'OK']) : 'DENIED';
    const at = this.period(query.from, query.to);
    if (at) where.at = at;
    if (query.before) where.seq = LessThan(query.before);
    const rows = await this.entries.find({ where, order: { seq: 'DESC' }, take: query.limit ?? ACCESS_LOG_PAGE_SIZE });
    return this.views(rows);
  }

  /** Every entry about one case, oldest first: the access report for an inzageverzoek. */
  async forCase(networkId: string, caseId: string): Promise<AccessLogEntryView[]> {
    return this.views(await this.entries.find({ where: { networkId, caseId }, order: { seq: 'ASC' } }));
  }

  /** Role and membership changes made by the administrator in the network that this user has not seen yet. */
  async adminChanges(networkId: string, userId: string): Promise<AdminChangesView> {
    const seenUntil = (await this.seen.findOneBy({ networkId, userId }))?.seenSeq ?? 0;
    const rows = await this.entries.find({
      where: { networkId, role: 'ADMIN', action: In([...ACCESS_CHANGE_ACTIONS]), seq: MoreThan(seenUntil) },
      order: { seq: 'DESC' },
      take: ADMIN_CHANGES_SHOWN,
    });
    return { items: await this.views(rows), seenUntil };
  }

  /** Remembers that the user has seen the administrator's changes up to `seq` (never backwards, never past the log). */
  async markAdminChangesSeen(networkId: string, userId: string, seq: number): Promise<{ seenUntil: number }> {
    const [last] = await this.entries.find({ order: { seq: 'DESC' }, take: 1 });
    const wanted = Math.min(seq, last?.seq ?? 0);
    const existing = await this.seen.findOneBy({ networkId, userId });
    if (existing && existing.seenSeq >= wanted) return { seenUntil: existing.seenSeq };
    await this.seen.save(this.seen.create({ networkId, userId, seenSeq: wanted, seenAt: this.clock.now() }));
    return { seenUntil: wanted };
  }

  /**
   * Walks the whole chain, in keyset batches of raw rows, checking each entry as it comes, and compares its end with the anchor. Reports the first
   * missing or altered sequence number, with a Dutch reason.
   */
  async verify(): Promise<AccessLogVerification> {
    await this.flushAnchor();
    const reading = await this.anchor.read();
    const anchor = reading.state === 'valid' ? reading.head : null;
    const anchorView = anchor ? { seq: anchor.seq, at: anchor.at } : null;
    let prevHash = GENESIS;
    let expected = 1;
    let seenKeyed = false;
    const broken = (brokenAt: number, reason: string): AccessLogVerification => ({
      ok: false,
      entries: expected - 1,
      brokenAt,
      reason,
      anchor: anchorView,
    });

    for (let last = 0; ;) {
      const batch = await this.rawBatch(last);
      if (batch.length === 0) break;
      for (const entry of batch) {
        if (entry.seq !== expected) return broken(expected, missing(expected, entry.seq - 1));
        const keyed = entry.chain === KEYED_CHAIN;
        if (!keyed && (seenKeyed || (anchor?.keyedFrom != null && entry.seq >= anchor.keyedFrom))) {
          return broken(
            entry.seq,
            `Regel ${entry.seq} is buiten Casustafel om herberekend: na de eerste regel met sleutel hoort elke regel een sleutel te hebben.`,
          );
        }
        if (entry.prevHash !== prevHash)
          return broken(
            entry.seq,
            `Regel ${entry.seq} sluit niet aan op regel ${entry.seq - 1}: daartussen is iets weggehaald of veranderd.`,
          );
        const hash = entry.hash;
        // keyedHash and legacyHash read the fields they chain by name; `hash` itself is not among them.
        if (expectedHash(this.chainKey, entry) !== hash) {
          return broken(entry.seq, `Regel ${entry.seq} is gewijzigd of buiten Casustafel om herberekend.`);
        }
        if (anchor && entry.seq === anchor.seq && hash !== anchor.hash) {
          return broken(entry.seq, `Regel ${entry.seq} wijkt af van het anker buiten de database: de keten is vervangen.`);
        }
        seenKeyed ||= keyed;
        prevHash = hash;
        expected++;
      }
      last = batch[batch.length - 1].seq;
    }

    const entries = expected - 1;
    if (reading.state === 'invalid') {
      return {
        ok: false,
        entries,
        reason:
          'Het anker van het logboek buiten de database is ongeldig: het is buiten Casustafel om gewijzigd. Vergelijk het met de bewaarde kopie.',
        anchor: null,
      };
    }
    if (!anchor) {
      if (entries === 0) return { ok: true, entries, anchor: null };
      return {
        ok: false,
        entries,
        reason: 'Het anker van het logboek buiten de database ontbreekt. Zet de laatste kopie terug en controleer opnieuw.',
        anchor: null,
      };
    }
    if (anchor.seq > entries)
      return broken(entries + 1, `${missing(entries + 1, anchor.seq)} Het anker buiten de database wijst naar regel ${anchor.seq}.`);
    return { ok: true, entries, anchor: anchorView };
  }

  /** Writes the newest appended head to the anchor now (also called by verify and at shutdown), after any write under way. */
  flushAnchor(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const run = this.flushes.then(async () => {
      const head = this.pending;
      this.pending = null;
      if (head) await this.anchor.advance({ ...head, at: this.clock.now().toISOString(), keyedFrom: this.keyedFrom });
    });
    this.flushes = run.catch(() => undefined);
    return run;
  }

  /**
   * Group commit: everything recorded while the previous transaction ran goes into one transaction,
   * in the order it was recorded, so that concurrent requests share one commit (one fsync) instead of
   * queueing for one each. Should that transaction fail, each record is tried on its own, so that only
   * the failing caller hears of it.
   */
  private async drain(): Promise<void> {
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    try {
      await this.appendWithRetry(batch.flatMap((b) => b.events));
      for (const b of batch) b.done();
    } catch (error) {
      if (batch.length === 1) return batch[0].fail(error);
      for (const b of batch) {
        await this.appendWithRetry(b.events).then(b.done, b.fail);
      }
    }
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Takes the anchor as the genuine head; creates it from the database when there is none yet. */
  private async start(): Promise<void> {
    const reading = await this.anchor.read();
    const [last] = await this.entries.find({ order: { seq: 'DESC' }, take: 1 });
    const [firstKeyed] = await this.entries.find({ where: { chain: KEYED_CHAIN }, order: { seq: 'ASC' }, take: 1 });
    if (reading.state === 'valid') {
      this.trusted = { seq: reading.head.seq, hash: reading.head.hash };
      this.keyedFrom = reading.head.keyedFrom ?? firstKeyed?.seq ?? null;
      if ((last?.seq ?? 0) < reading.head.seq) {
        this.logger.error(
          `Het toegangslogboek eindigt bij regel ${last?.seq ?? 0}, maar het anker wijst naar regel ${reading.head.seq}: er zijn regels weggehaald.`,
        );
      }
    } else if (reading.state === 'absent') {
      this.keyedFrom = firstKeyed?.seq ?? null;
      const head: AnchorHead = {
        seq: last?.seq ?? 0,
        hash: last?.hash ?? GENESIS,
        at: this.clock.now().toISOString(),
        keyedFrom: this.keyedFrom,
      };
      await this.anchor.advance(head);
      this.trusted = last ? { seq: last.seq, hash: last.hash } : null;
      this.logger.log(`Anker van het toegangslogboek aangemaakt (${this.anchor.path ?? 'in het geheugen'}).`);
    } else {
      this.keyedFrom = firstKeyed?.seq ?? null;
      this.logger.error('Het anker van het toegangslogboek is ongeldig; het blijft staan tot een beheerder het onderzoekt.');
    }
  }

  private async appendWithRetry(events: AccessEvent[], attempt = 1): Promise<void> {
    try {
      const head = await this.units.run(async (manager) => {
        // Other instances' appends wait here until this one commits, so each reads the head the last one wrote.
        await lockForTransaction(manager, 'access-log');
        // The chain's head: its sequence number and hash only (a plain statement; every append of every request reads it).
        const [last]: { seq: number | string; hash: string }[] = await manager.query(
          'SELECT "seq", "hash" FROM "access_log" ORDER BY "seq" DESC LIMIT 1',
        );
        let base: Head = last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
        if (this.trusted && (base.seq < this.trusted.seq || (base.seq === this.trusted.seq && base.hash !== this.trusted.hash))) {
          // Entries this process wrote, or the anchor holds, are gone or replaced: continue after
          // the genuine head, so that the gap stays in the chain for verify to report.
          this.logger.error(
            `Het toegangslogboek eindigt bij regel ${base.seq}, maar regel ${this.trusted.seq} bestond al: er zijn regels weggehaald of vervangen.`,
          );
          base = this.trusted;
        }
        let { seq, hash: prevHash } = base;
        const at = this.clock.now();
        const rows: AccessLogEntry[] = [];
        for (const e of events) {
          seq++;
          const object =
            e.object !== undefined
              ? e.object
              : e.caseId
                ? { type: 'CASE' as const, id: e.caseId }
                : e.questionId
                  ? { type: 'QUESTION' as const, id: e.questionId }
                  : null;
          const fields: Omit<AccessLogEntry, 'hash'> = {
            seq,
            eventId: randomUUID(),
            at,
            userId: e.viewer?.id ?? null,
            organisationId: e.viewer?.organisationId ?? null,
            role: e.role,
            networkId: e.networkId,
            caseId: e.caseId,
            questionId: e.questionId ?? null,
            action: e.action,
            level: e.level,
            context: e.context,
            ip: e.viewer?.ip?.slice(0, 64) ?? null,
            purpose: e.purpose ?? null,
            outcome: e.outcome === 'DENIED' ? 'DENIED' : 'SUCCESS',
            objectType: object?.type ?? null,
            objectId: object?.id ?? null,
            subjectUserId: e.subject?.userId ?? null,
            subjectOrganisationId: e.subject?.organisationId ?? null,
            subjectRole: e.subject?.role ?? null,
            chain: KEYED_CHAIN,
            prevHash,
          };
          const hash = keyedHash(this.chainKey, fields);
          rows.push({ ...fields, hash });
          prevHash = hash;
        }
        await insertRows(manager, AccessLogEntry, rows);
        return { seq, hash: prevHash, first: rows[0].seq };
      });
      if (this.keyedFrom === null) this.keyedFrom = head.first;
      if (!this.trusted || head.seq > this.trusted.seq) this.trusted = { seq: head.seq, hash: head.hash };
      this.pending = { seq: head.seq, hash: head.hash };
      this.timer ??= setTimeout(
        () => void this.flushAnchor().catch(() => this.logger.error('Het anker van het toegangslogboek kon niet worden geschreven.')),
        ANCHOR_INTERVAL_MS,
      ).unref();
    } catch (error) {
      // Another writer appended first (same seq): read the new head and try again. Under the lock this
      // does not happen; it says so in the log when it does (a writer without the lock, an old version).
      if (attempt < 8 && /unique|duplicate|primary key|constraint/i.test(String((error as Error)?.message))) {
        this.logger.warn(`Een ander schreef tegelijk in het toegangslogboek; opnieuw geprobeerd (poging ${attempt + 1}).`);
        return this.appendWithRetry(events, attempt + 1);
      }
      throw error;
    }
  }

  /**
   * The next entries after `last`, in sequence order, for verify(): keyset paging on the primary key
   * (never an offset), raw rows rather than entities. Each row is copied into an object of one fixed
   * shape (the driver's rows have many keys, which makes them slow to read field by field); only
   * `at` needs the driver's conversion (a string on SQLite, a timestamp on PostgreSQL), done exactly
   * as hydrating the entity would.
   */
  private async rawBatch(last: number): Promise<AccessLogEntry[]> {
    const builder = this.entries.createQueryBuilder('e').select('e.seq', 'seq');
    for (const column of VERIFY_COLUMNS) if (column !== 'seq') builder.addSelect(`e.${column}`, column);
    const rows: (Omit<AccessLogEntry, 'at'> & { at: unknown })[] = await builder
      .where('e.seq > :last', { last })
      .orderBy('e.seq', 'ASC')
      .limit(VERIFY_BATCH)
      .getRawMany();
    const at = this.entries.metadata.findColumnWithPropertyName('at')!;
    const driver = this.entries.manager.connection.driver;
    return rows.map((r) => ({
      seq: Number(r.seq),
      eventId: r.eventId,
      at: driver.prepareHydratedValue(r.at, at) as Date,
      userId: r.userId,
      organisationId: r.organisationId,
      role: r.role,
      networkId: r.networkId,
      caseId: r.caseId,
      action: r.action,
      questionId: r.questionId,
      level: r.level,
      context: r.context,
      ip: r.ip,
      purpose: r.purpose,
      outcome: r.outcome,
      objectType: r.objectType,
      objectId: r.objectId,
      subjectUserId: r.subjectUserId,
      subjectOrganisationId: r.subjectOrganisationId,
      subjectRole: r.subjectRole,
      chain: r.chain,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }

  /** from/to as a day (Dutch time; `to` inclusive) or an ISO moment. */
  private period(from?: string, to?: string): FindOperator<Date> | null {
    if (!from && !to) return null;
    const start = from ? dutchPeriod(from).start : null;
    const end = to ? dutchPeriod(to).end : null;
    if (start && end && (end.exclusive ? start >= end.at : start > end.at))
      throw new BadRequestException('De begindatum ligt na de einddatum. Kies een periode die vooruit loopt.');
    if (start && end) return And(MoreThanOrEqual(start), end.exclusive ? LessThan(end.at) : LessThanOrEqual(end.at));
    if (start) return MoreThanOrEqual(start);
    return end!.exclusive ? LessThan(end!.at) : LessThanOrEqual(end!.at);
  }

  private async views(rows: AccessLogEntry[]): Promise<AccessLogEntryView[]> {
    const userIds = rows.flatMap((r) => [r.userId, r.subjectUserId]).filter((id): id is string => !!id);
    const organisationIds = rows.flatMap((r) => [r.organisationId, r.subjectOrganisationId]).filter((id): id is string => !!id);
    const users = new Map((await this.users.findByIds([...new Set(userIds)])).map((u) => [u.id, u.name]));
    const organisations = await this.organisations.namesOf(organisationIds);
    return rows.map((row) => toAccessLogEntryView(row, { users, organisations }));
  }
}

function missing(from: number, to: number): string {
  return from === to ? `Regel ${from} ontbreekt.` : `Regels ${from} tot en met ${to} ontbreken.`;
}
