/**
 * Load data for benchmarks and for trying the app at size (issue #15): one network filled with realistic
 * cases, identities, actions with their history, meetings with agenda items and attendance, questions and
 * access-log entries. The network, its organisations, users, roles and confidentiality acceptances are made
 * through the app's own services; the bulk (100,000 cases and what hangs off them) is written with the app's
 * own entity metadata, value conversion and cipher — identities encrypted by the real IdentityCipher with
 * the blind indexes and match key the app computes (CaseDirectory.hashesOf, IdentityCipher.matchKey), case
 * numbers and pseudonyms in the app's form — in prepared, batched inserts inside transactions on
 * better-sqlite3, because the services take a unit of work per case. The access log is written through
 * the real AccessLogService (batched), so that `npm run verify-log` still verifies the chain.
 * SQLite only.
 */
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import type { ActionStatus, NotDoneReason } from '@casustafel/contract/meeting-rules';
import type { CaseStatus, Consent, NetworkRole, ProblemArea, Urgency } from '@casustafel/contract/enums';
import { PROBLEM_AREAS } from '@casustafel/contract/enums';
import { ActionEvent } from '../../api/src/actions/action-event.entity';
import { Action } from '../../api/src/actions/action.entity';
import { CaseDirectory } from '../../api/src/cases/case-directory';
import { CaseEvent } from '../../api/src/cases/case-event.entity';
import { Case } from '../../api/src/cases/case.entity';
import { ClientIdentifier } from '../../api/src/cases/client-identifier.entity';
import { ClientIdentityRecord } from '../../api/src/cases/client-identity.entity';
import { ClientMatchKey } from '../../api/src/cases/client-match-key.entity';
import { PSEUDONYM_WORDS } from '../../api/src/cases/pseudonyms';
import { dutchYear } from '../../api/src/common/amsterdam-time';
import type { Viewer } from '../../api/src/common/viewer';
import { CovenantsService } from '../../api/src/covenants/covenants.service';
import { AgendaItem } from '../../api/src/meetings/agenda-item.entity';
import { Attendance } from '../../api/src/meetings/attendance.entity';
import { Meeting } from '../../api/src/meetings/meeting.entity';
import { NetworksService } from '../../api/src/networks/networks.service';
import { OrganisationsService } from '../../api/src/organisations/organisations.service';
import { AccessLogService, type AccessEvent } from '../../api/src/privacy/access-log.service';
import { IdentityCipher, type ClientIdentity } from '../../api/src/privacy/identity-cipher';
import { Question } from '../../api/src/questions/question.entity';
import { UsersService } from '../../api/src/users/users.service';

/** The password of every user the generator makes (it passes the app's password rules). */
export const LOAD_PASSWORD = 'belasting-proef-wachtwoord-15';
const ADMIN: Viewer = { id: 'load', name: 'load', email: 'load', isAdmin: true, organisationId: 'load' };
const DAY = 86_400_000;
const BATCH = 2_000;

const GIVEN = ['Piet', 'Anna', 'Mohamed', 'Fatima', 'Jan', 'Sanne', 'Kees', 'Noor', 'Willem', 'Ayşe', 'Henk', 'Lotte', 'Daan', 'Eva'];
/** One client in 13 is called Jansen, so that a surname search finds a page and more. */
const SURNAMES = ['de Vries', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters'];
const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Julianalaan', 'Beatrixstraat', 'Lindelaan'];
const NEIGHBOURHOODS = ['Schothorst', 'Soesterkwartier', 'Kattenbroek', 'Vathorst', 'Liendert', 'Binnenstad', 'Randenbroek', 'Nieuwland'];
const SUMMARIES = [
  'Vervuiling in de woning, buren maken zich zorgen. Hulpverlening wordt afgehouden.',
  'Huurachterstand van meerdere maanden, dreigende ontruiming. Geen contact met schuldhulp.',
  'Signalen van verwaarlozing en eenzaamheid; valt regelmatig, weigert thuiszorg.',
  'Overlast door geluid en bezoek op late uren; vermoeden van middelengebruik.',
];
/** SUBMITTED 10 %, ACCEPTED 25 %, MONITORING 20 %, CLOSED 35 %, DECLINED 5 %, REFERRED 5 %. */
const STATUS_MIX: [CaseStatus, number][] = [
  ['SUBMITTED', 10],
  ['ACCEPTED', 25],
  ['MONITORING', 20],
  ['CLOSED', 35],
  ['DECLINED', 5],
  ['REFERRED', 5],
];
const URGENCY_MIX: Urgency[] = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'ACUTE'];

/** A deterministic number in [0, 1) for a seed and a salt, so that the same run makes the same data. */
function unit(seed: number, salt: string): number {
  return createHash('sha1').update(`${salt}:${seed}`).digest().readUInt32BE(0) / 2 ** 32;
}
const pick = <T>(list: readonly T[], seed: number, salt: string): T => list[Math.floor(unit(seed, salt) * list.length)];
function weighted<T>(mix: [T, number][], seed: number, salt: string): T {
  let r = unit(seed, salt) * mix.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of mix) if ((r -= w) < 0) return value;
  return mix[mix.length - 1][0];
}

export interface LoadUser {
  viewer: Viewer;
  role: NetworkRole;
  /** Only for users the generator made: log in with LOAD_PASSWORD. */
  email: string;
}

export interface LoadNetwork {
  networkId: string;
  name: string;
  coordinator: LoadUser;
  /** A shell partner: sees in DOSSIER only what their organisation brought in or holds an open action on (OGGZ). */
  shell: LoadUser;
  users: LoadUser[];
}

export interface LoadOptions {
  cases: number;
  /** An existing network (name or id) to add to; else a new OGGZ network is made. */
  network?: string;
  /** Name of the new network. */
  name?: string;
  /** Reports progress. */
  progress?: (message: string) => void;
  now?: Date;
}

export interface LoadCounts {
  cases: number;
  identities: number;
  actions: number;
  actionEvents: number;
  caseEvents: number;
  meetings: number;
  agendaItems: number;
  questions: number;
  accessLog: number;
}

/**
 * Writes rows of one entity in prepared INSERT statements on the better-sqlite3 connection, each value
 * converted by TypeORM's driver as a repository insert converts it (dates, JSON, booleans).
 */
class Bulk {
  private readonly statements = new Map<EntityTarget<ObjectLiteral>, (row: ObjectLiteral) => void>();
  constructor(private readonly db: DataSource) {}

  get raw(): import('better-sqlite3').Database {
    return (this.db.driver as BetterSqlite3Driver).databaseConnection as import('better-sqlite3').Database;
  }

  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: Partial<T>): void {
    let write = this.statements.get(entity as EntityTarget<ObjectLiteral>);
    if (!write) {
      const meta = this.db.getMetadata(entity);
      const columns = meta.columns;
      const sql = `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      const statement = this.raw.prepare(sql);
      const driver = this.db.driver;
      write = (r) =>
        statement.run(
          columns.map((c) => {
            const value: unknown = r[c.propertyName];
            if (value === undefined) return c.default !== undefined ? driver.preparePersistentValue(c.default, c) : null;
            const stored: unknown = driver.preparePersistentValue(value, c);
            return typeof stored === 'boolean' ? (stored ? 1 : 0) : (stored ?? null);
          }),
        );
      this.statements.set(entity as EntityTarget<ObjectLiteral>, write);
    }
    write(row);
  }

  transaction(work: () => void): void {
    this.raw.transaction(work)();
  }
}

/** The network to fill: an existing one with its members and roles, or a new OGGZ network made through the services. */
async function networkFor(app: INestApplicationContext, options: LoadOptions): Promise<LoadNetwork> {
  const db = app.get(DataSource);
  if (options.network) {
    const [found] = await db.query('SELECT id, name FROM networks WHERE id = ? OR name = ?', [options.network, options.network]);
    if (!found) throw new Error(`Geen netwerk "${options.network}".`);
    const rows: { id: string; name: string; email: string; organisationId: string; role: NetworkRole }[] = await db.query(
      'SELECT u.id, u.name, u.email, u."organisationId", r.role FROM network_roles r JOIN users u ON u.id = r."userId" WHERE r."networkId" = ? AND u.active = 1',
      [found.id],
    );
    const users = rows.map((r) => ({
      viewer: { id: r.id, name: r.name, email: r.email, isAdmin: false, organisationId: r.organisationId },
      role: r.role,
      email: r.email,
    }));
    const coordinator = users.find((u) => u.role === 'COORDINATOR');
    const shell = users.find((u) => u.role === 'SHELL_PARTNER') ?? users.find((u) => u.role !== 'COORDINATOR');
    if (!coordinator || !shell) throw new Error('Het netwerk heeft een coördinator en nog een partner nodig.');
    return { networkId: found.id, name: found.name, coordinator, shell, users };
  }
  const organisations = app.get(OrganisationsService);
  const usersService = app.get(UsersService);
  const networks = app.get(NetworksService);
  const covenants = app.get(CovenantsService);
  const tag = randomUUID().slice(0, 8);
  const name = options.name ?? `Belastingnetwerk ${tag}`;
  const network = await networks.create({ name, kind: 'OGGZ', area: 'Amersfoort' });
  const plan: { kind: 'FORMAL' | 'INFORMAL' | 'HYBRID'; ring: 'CORE' | 'SHELL'; roles: NetworkRole[] }[] = [
    { kind: 'FORMAL', ring: 'CORE', roles: ['COORDINATOR', 'CORE_PARTNER'] },
    { kind: 'FORMAL', ring: 'CORE', roles: ['CORE_PARTNER'] },
    { kind: 'FORMAL', ring: 'CORE', roles: ['CORE_PARTNER'] },
    { kind: 'FORMAL', ring: 'SHELL', roles: ['SHELL_PARTNER', 'SHELL_PARTNER'] },
    { kind: 'HYBRID', ring: 'SHELL', roles: ['SHELL_PARTNER'] },
    { kind: 'FORMAL', ring: 'SHELL', roles: ['SHELL_PARTNER'] },
    { kind: 'INFORMAL', ring: 'SHELL', roles: ['VOLUNTEER_REP'] },
  ];
  const users: LoadUser[] = [];
  for (const [o, org] of plan.entries()) {
    const { id: organisationId } = await organisations.create({ name: `Organisatie ${o + 1} (${tag})`, kind: org.kind, sector: 'Zorg' });
    await networks.addMember(ADMIN, network.id, { organisationId, ring: org.ring, since: '2023-01-01' });
    for (const [u, role] of org.roles.entries()) {
      const email = `${role.toLowerCase()}.${o + 1}.${u + 1}.${tag}@belasting.test`;
      const user = await usersService.createActivated({
        name: `${role} ${o + 1}.${u + 1}`,
        email,
        password: LOAD_PASSWORD,
        organisationId,
      });
      await networks.assignRole(ADMIN, network.id, { userId: user.id, role });
      const viewer: Viewer = { id: user.id, name: user.name, email, isAdmin: false, organisationId };
      await covenants.accept(viewer, network.id);
      users.push({ viewer, role, email });
    }
  }
  return {
    networkId: network.id,
    name,
    coordinator: users.find((u) => u.role === 'COORDINATOR')!,
    shell: users.find((u) => u.role === 'SHELL_PARTNER')!,
    users,
  };
}

/** Fills a network with `cases` cases and what goes with them; returns the network and what was written. */
export async function loadNetwork(
  app: INestApplication | INestApplicationContext,
  options: LoadOptions,
): Promise<{ network: LoadNetwork; counts: LoadCounts; seconds: number }> {
  const started = process.hrtime.bigint();
  const say = options.progress ?? (() => undefined);
  const db = app.get(DataSource);
  if (db.options.type !== 'better-sqlite3') throw new Error('De belastinggenerator schrijft alleen naar SQLite (better-sqlite3).');
  const cipher = app.get(IdentityCipher);
  const directory = app.get(CaseDirectory);
  const accessLog = app.get(AccessLogService);
  const bulk = new Bulk(db);
  // A page cache big enough for the indexes being filled (random uuids land all over them); SQLite's default is 2 MB.
  bulk.raw.pragma('cache_size = -262144');
  const network = await networkFor(app, options);
  const { networkId } = network;
  const now = options.now ?? new Date();
  const n = options.cases;
  say(`Netwerk ${network.name} (${networkId}): ${n.toLocaleString('en')} casussen.`);

  const members: { organisationId: string }[] = await db.query('SELECT "organisationId" FROM memberships WHERE "networkId" = ?', [
    networkId,
  ]);
  const orgIds = [...new Set([...members.map((m) => m.organisationId), ...network.users.map((u) => u.viewer.organisationId)])];
  const submitters = network.users.filter((u) => u.role !== 'MUNICIPALITY');
  // Core partners and the coordinator bring in most cases; each shell partner one in ten or so.
  const submitterMix: [LoadUser, number][] = submitters.map((u) => [u, u.role === 'SHELL_PARTNER' || u.role === 'VOLUNTEER_REP' ? 2 : 5]);

  // Numbers go on from the network's highest per year; pseudonyms are the app's words, numbered once all are taken.
  const existing: { number: string; pseudonym: string }[] = await db.query('SELECT number, pseudonym FROM cases WHERE "networkId" = ?', [
    networkId,
  ]);
  const lastOfYear = new Map<number, number>();
  for (const { number } of existing) {
    const year = Number(number.slice(0, 4));
    lastOfYear.set(year, Math.max(lastOfYear.get(year) ?? 0, Number(number.slice(5))));
  }
  const taken = new Set(existing.map((c) => c.pseudonym));
  let pseudonymCounter = 0;
  const nextPseudonym = (): string => {
    for (;;) {
      const k = pseudonymCounter++;
      const word = PSEUDONYM_WORDS[k % PSEUDONYM_WORDS.length];
      const round = Math.floor(k / PSEUDONYM_WORDS.length);
      const candidate = round === 0 ? word : `${word} ${round + 1}`;
      if (!taken.has(candidate)) return candidate;
    }
  };

  // Three years of weekly meetings, up to last week; the cases come in evenly over the same years.
  const span = 3 * 365 * DAY;
  const start = now.getTime() - span;
  const meetingCount = Math.floor(span / (7 * DAY));
  const meetingIds: string[] = [];
  const agendaCount = new Map<number, number>();
  const counts: LoadCounts = {
    cases: 0,
    identities: 0,
    actions: 0,
    actionEvents: 0,
    caseEvents: 0,
    meetings: 0,
    agendaItems: 0,
    questions: 0,
    accessLog: 0,
  };
  const meetingAt = (w: number) => new Date(start + (w + 1) * 7 * DAY + 9 * 3_600_000);
  bulk.transaction(() => {
    for (let w = 0; w < meetingCount; w++) {
      const id = randomUUID();
      meetingIds.push(id);
      const at = meetingAt(w);
      bulk.insert(Meeting, {
        id,
        networkId,
        startsAt: at,
        durationMinutes: 90,
        location: 'Wijkcentrum',
        status: w % 26 === 13 ? 'CANCELLED' : 'CLOSED',
        cancelledReason: w % 26 === 13 ? 'Te weinig deelnemers' : null,
        sequence: 0,
        createdAt: new Date(at.getTime() - 14 * DAY),
      });
      for (const [o, organisationId] of orgIds.entries())
        bulk.insert(Attendance, {
          meetingId: id,
          organisationId,
          status: unit(w * 31 + o, 'present') < 0.85 ? 'PRESENT' : 'ABSENT',
          userIds: [],
        });
      counts.meetings++;
    }
  });
  say(`${counts.meetings} vergaderingen met aanwezigheid.`);

  const events: AccessEvent[] = [];
  const flushLog = async () => {
    while (events.length) {
      const batch = events.splice(0, 1_000);
      await accessLog.record(batch);
      counts.accessLog += batch.length;
    }
  };
  const step = span / n;
  let lastReport = Date.now();
  for (let from = 0; from < n; from += BATCH) {
    bulk.transaction(() => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const id = randomUUID();
        const createdAt = new Date(start + i * step);
        const year = dutchYear(createdAt);
        const seq = (lastOfYear.get(year) ?? 0) + 1;
        lastOfYear.set(year, seq);
        const submitter = weighted(submitterMix, i, 'submitter');
        const status = weighted(STATUS_MIX, i, 'status');
        const age = now.getTime() - createdAt.getTime();
        const decidedAt = new Date(createdAt.getTime() + Math.min(age / 2, (1 + unit(i, 'decided') * 20) * DAY));
        const closedAt =
          status === 'CLOSED' ? new Date(createdAt.getTime() + Math.min(age * 0.9, (30 + unit(i, 'closed') * 300) * DAY)) : null;
        // Closed more than two years ago: the retention job erased the identity.
        const erased = closedAt && now.getTime() - closedAt.getTime() > 2 * 365 * DAY ? closedAt : null;
        const consent: Consent =
          unit(i, 'consent') < 0.75
            ? 'GIVEN'
            : unit(i, 'consent2') < 0.5
              ? 'NOT_ASKED'
              : unit(i, 'consent3') < 0.6
                ? 'OVERRIDE_OGGZ'
                : 'REFUSED';
        const areas = [
          ...new Set([pick(PROBLEM_AREAS, i, 'area1'), ...(unit(i, 'areas') < 0.5 ? [pick(PROBLEM_AREAS, i, 'area2')] : [])]),
        ] as ProblemArea[];

        // Actions on cases that were taken on: 1–3, the newest of running cases still open.
        const actions: Partial<Action>[] = [];
        if (status !== 'SUBMITTED' && status !== 'DECLINED') {
          const howMany = 1 + Math.floor(unit(i, 'actions') * 2.2);
          for (let a = 0; a < howMany; a++) {
            const actionAt = new Date(decidedAt.getTime() + a * 7 * DAY);
            if (actionAt > now) break;
            const running = status === 'ACCEPTED' || status === 'MONITORING';
            const actionStatus: ActionStatus =
              running && a === howMany - 1
                ? unit(i, 'open') < 0.7
                  ? 'OPEN'
                  : 'IN_PROGRESS'
                : weighted<ActionStatus>(
                    [
                      ['DONE', 7],
                      ['NOT_DONE', 2],
                      ['CANCELLED', 1],
                    ],
                    i * 7 + a,
                    'action-status',
                  );
            const notDoneReason: NotDoneReason | null =
              actionStatus === 'NOT_DONE' ? (unit(i * 7 + a, 'reason') < 0.5 ? 'CIRCUMSTANCES_CHANGED' : 'NOT_CARRIED_OUT') : null;
            const changedAt = actionStatus === 'OPEN' ? actionAt : new Date(Math.min(now.getTime(), actionAt.getTime() + 10 * DAY));
            const week = Math.min(meetingCount - 1, Math.max(0, Math.floor((actionAt.getTime() - start) / (7 * DAY))));
            actions.push({
              id: randomUUID(),
              networkId,
              meetingId: meetingIds[week] ?? null,
              agendaItemId: null,
              caseId: id,
              description: 'Huisbezoek afleggen en terugkoppelen',
              ownerOrganisationId: pick(orgIds, i * 7 + a, 'owner'),
              ownerUserId: null,
              dueDate: new Date(actionAt.getTime() + 14 * DAY).toISOString().slice(0, 10),
              status: actionStatus,
              notDoneReason,
              note: null,
              version: actionStatus === 'OPEN' ? 1 : 2,
              createdAt: actionAt,
              updatedAt: changedAt,
            });
          }
        }
        const record: Partial<Case> = {
          id,
          networkId,
          number: `${year}-${String(seq).padStart(3, '0')}`,
          pseudonym: nextPseudonym(),
          neighbourhood: pick(NEIGHBOURHOODS, i, 'hood'),
          problemAreas: areas,
          urgency: pick(URGENCY_MIX, i, 'urgency'),
          consent,
          consentOverrideReason: consent === 'OVERRIDE_OGGZ' ? 'Acuut gevaar voor de cliënt en de buren; zorgmijding.' : null,
          summary: pick(SUMMARIES, i, 'summary'),
          status,
          statusReason: status === 'DECLINED' || status === 'REFERRED' || status === 'CLOSED' ? 'Besproken in het overleg.' : null,
          submittedById: submitter.viewer.id,
          submittedByOrganisationId: submitter.viewer.organisationId,
          createdAt,
          updatedAt: closedAt ?? (status === 'SUBMITTED' ? createdAt : decidedAt),
          closedAt,
          sourceQuestionId: null,
          sourceReferralId: null,
          identityErasedAt: erased,
          firstActionAt: actions[0]?.createdAt ?? null,
        };
        bulk.insert(Case, record);
        counts.cases++;
        if (!erased) {
          const surname = i % 13 === 7 ? 'Jansen' : pick(SURNAMES, i, 'surname');
          const identity: ClientIdentity = {
            givenName: pick(GIVEN, i, 'given'),
            surname,
            dateOfBirth: new Date(
              Date.UTC(1940 + Math.floor(unit(i, 'born') * 65), Math.floor(unit(i, 'month') * 12), 1 + Math.floor(unit(i, 'day') * 28)),
            )
              .toISOString()
              .slice(0, 10),
            street: pick(STREETS, i, 'street'),
            houseNumber: String(1 + Math.floor(unit(i, 'house') * 180)),
            postcode: `${3811 + Math.floor(unit(i, 'pc') * 80)}${String.fromCharCode(65 + Math.floor(unit(i, 'pc1') * 26), 65 + Math.floor(unit(i, 'pc2') * 26))}`,
            city: 'Amersfoort',
            phone: unit(i, 'phone') < 0.6 ? `06${String(Math.floor(unit(i, 'tel') * 1e8)).padStart(8, '0')}` : null,
          };
          bulk.insert(ClientIdentityRecord, {
            caseId: id,
            networkId,
            ciphertext: cipher.encrypt(identity, id),
            surnameIndex: cipher.surnameIndex(surname),
          });
          for (const hash of new Set(directory.hashesOf(networkId, identity)))
            bulk.insert(ClientIdentifier, { caseId: id, networkId, hash });
          const matchKey = cipher.matchKey(identity);
          if (matchKey) bulk.insert(ClientMatchKey, { caseId: id, networkId, matchKey });
          counts.identities++;
        }
        if (status !== 'SUBMITTED') {
          bulk.insert(CaseEvent, {
            id: randomUUID(),
            caseId: id,
            at: closedAt ?? decidedAt,
            fromStatus: 'SUBMITTED',
            toStatus: status,
            reason: record.statusReason,
            userId: network.coordinator.viewer.id,
          });
          counts.caseEvents++;
        }
        // New cases go on the agenda of the next meeting (up to 12 an evening).
        const week = Math.floor((createdAt.getTime() - start) / (7 * DAY));
        if (week < meetingCount && (agendaCount.get(week) ?? 0) < 12) {
          const position = (agendaCount.get(week) ?? 0) + 1;
          agendaCount.set(week, position);
          const itemId = randomUUID();
          bulk.insert(AgendaItem, {
            id: itemId,
            meetingId: meetingIds[week],
            position,
            kind: 'NEW_CASE',
            caseId: id,
            questionId: null,
            title: record.pseudonym!,
            minutes: 10,
            notes: 'Besproken; zie de acties.',
            decisions: status === 'DECLINED' ? 'Niet aangenomen.' : 'Aangenomen.',
            keepOnAgenda: false,
            version: 1,
          });
          counts.agendaItems++;
          const first = actions[0];
          if (first && first.meetingId === meetingIds[week]) first.agendaItemId = itemId;
        }
        for (const action of actions) {
          bulk.insert(Action, action);
          counts.actions++;
          if (action.status !== 'OPEN') {
            bulk.insert(ActionEvent, {
              id: randomUUID(),
              actionId: action.id,
              at: action.updatedAt,
              userId: null,
              kind: 'STATUS',
              corrected: null,
              status: action.status,
              note: null,
              notDoneReason: action.notDoneReason,
            });
            counts.actionEvents++;
          }
        }
        // A consultative question now and then, most of them answered.
        if (i % 20 === 10) {
          const answered = unit(i, 'answered') < 0.7;
          bulk.insert(Question, {
            id: randomUUID(),
            networkId,
            title: 'Hoe pakken we zorgmijding aan?',
            situation: 'Een bewoner wil geen hulp, de situatie verslechtert.',
            question: 'Wie kan een eerste contact leggen?',
            neighbourhood: pick(NEIGHBOURHOODS, i, 'q-hood'),
            ageBand: null,
            problemAreas: areas,
            status: answered ? 'ANSWERED' : 'SUBMITTED',
            submittedById: submitter.viewer.id,
            submittedByOrganisationId: submitter.viewer.organisationId,
            createdAt,
            advice: answered ? 'Via de huisarts, met de wijkverpleging.' : null,
            severity: answered ? 'MEDIUM' : null,
            recommendation: answered ? 'ADVICE_ONLY' : null,
            answeredAt: answered ? decidedAt : null,
            convertedCaseId: null,
          });
          counts.questions++;
        }
        // The submitter saw the identity when bringing the case in.
        events.push({
          viewer: submitter.viewer,
          role: submitter.role,
          networkId,
          caseId: id,
          action: 'CREATE',
          level: 'FULL',
          context: 'DOSSIER',
        });
      }
    });
    await flushLog();
    const done = Math.min(n, from + BATCH);
    if (Date.now() - lastReport > 2_000 || done === n) {
      lastReport = Date.now();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      say(`${done.toLocaleString('en')} / ${n.toLocaleString('en')} casussen (${seconds.toFixed(0)} s)`);
    }
  }
  bulk.raw.exec('ANALYZE');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  say(`Klaar in ${seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
  return { network, counts, seconds };
}
