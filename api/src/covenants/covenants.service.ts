import { Injectable, NotFoundException } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { requireAccess } from '../access/require-access';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository, type EntityManager } from 'typeorm';
import type {
  AddSignatureDto,
  ConfidentialityView,
  CovenantSignatureView,
  CovenantView,
  UpdateCovenantDto,
} from '@casustafel/contract/covenant';
import { plusMonthsAmsterdam } from '../common/amsterdam-time';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { placeholder, RawEntity } from '../database/raw-entity';
import { isUniqueViolation, UnitOfWork, within } from '../database/unit-of-work';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { AccessLogService, type AccessEvent } from '../privacy/access-log.service';
import { ConfidentialityAcceptance } from './confidentiality-acceptance.entity';
import { CovenantSignature } from './covenant-signature.entity';
import { CovenantVersion } from './covenant-version.entity';
import { toCovenantView } from './covenant.mapper';
import { COVENANT_TEMPLATES, DEFAULT_CONFIDENTIALITY_STATEMENT } from './covenant-templates';

export const ACCEPTANCE_MONTHS = 12;

@Injectable()
export class CovenantsService {
  constructor(
    @InjectRepository(CovenantVersion) private readonly versions: Repository<CovenantVersion>,
    @InjectRepository(CovenantSignature) private readonly signatures: Repository<CovenantSignature>,
    @InjectRepository(ConfidentialityAcceptance) private readonly acceptances: Repository<ConfidentialityAcceptance>,
    private readonly units: UnitOfWork,
    private readonly networks: NetworksService,
    private readonly organisations: OrganisationsService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  /** The covenant version's columns for standing(), on first use. */
  private standingVersion?: RawEntity<CovenantVersion>;

  /** The version in force; a network without one gets version 1 from the template for its kind (inside `manager`'s unit of work, if given). */
  /**
   * The version in force of each of these networks, in one query (for a decision about a user across
   * their networks). A network without a version yet gets its first, as current() makes it.
   */
  async currentOf(networkIds: string[]): Promise<Map<string, CovenantVersion>> {
    const unique = [...new Set(networkIds)];
    const found = new Map<string, CovenantVersion>();
    if (unique.length === 0) return found;
    for (const v of await this.versions.find({ where: { networkId: In(unique) }, order: { version: 'ASC' } })) found.set(v.networkId, v);
    for (const id of unique) if (!found.has(id)) found.set(id, await this.current(id));
    return found;
  }

  async current(networkId: string, manager?: EntityManager): Promise<CovenantVersion> {
    const versions = within(this.versions, manager);
    const [latest] = await versions.find({ where: { networkId }, order: { version: 'DESC' }, take: 1 });
    if (latest) return latest;
    const network = await this.networks.findById(networkId);
    const template = COVENANT_TEMPLATES[network.kind];
    const first = versions.create({
      id: newId(),
      networkId,
      version: 1,
      levels: template.levels,
      retentionMonths: template.retentionMonths,
      anonymousQuestionSubmitter: template.anonymousQuestionSubmitter,
      knownElsewhereCheck: false,
      confidentialityStatement: DEFAULT_CONFIDENTIALITY_STATEMENT,
      createdAt: this.clock.now(),
      createdById: null,
    });
    try {
      // In a savepoint inside a unit of work: on PostgreSQL a refused insert would end the whole transaction.
      await (manager ? manager.transaction((m) => m.withRepository(this.versions).insert(first)) : versions.insert(first));
      return first;
    } catch (error) {
      // Another request made version 1 at the same moment.
      if (!isUniqueViolation(error)) throw error;
      return versions.findOneByOrFail({ networkId, version: 1 });
    }
  }

  /** A given version (for minutes made under it), or the current one. */
  async version(networkId: string, version?: number): Promise<CovenantVersion> {
    if (version === undefined) return this.current(networkId);
    return this.versions.findOneByOrFail({ networkId, version });
  }

  /**
   * A version (by default the current one) and whether the user has a valid confidentiality
   * acceptance in the network, in one query: what the disclosure policy needs from the covenant.
   */
  async standing(userId: string | null, networkId: string, version?: number): Promise<{ covenant: CovenantVersion; accepted: boolean }> {
    // Asked for every page of cases and every meeting view: one plain statement written here (the
    // parameters in the order they appear in it, as SQLite binds them), not the query builder. Read
    // afresh each time: a new covenant version counts from the next request on, on every instance.
    const source = this.versions.manager.connection;
    const v = (this.standingVersion ??= new RawEntity(source, CovenantVersion, 'v'));
    const parameters: unknown[] = [];
    const next = (value: unknown) => placeholder(source, parameters.push(value) - 1);
    const validUntil = source.getMetadata(ConfidentialityAcceptance).findColumnWithPropertyName('validUntil')!;
    const accepted = userId
      ? `, (SELECT COUNT(*) FROM "confidentiality_acceptances" a WHERE a."userId" = ${next(userId)} AND a."networkId" = v."networkId" AND a."validUntil" > ${next(source.driver.preparePersistentValue(this.clock.now(), validUntil))}) AS "accepted"`
      : '';
    const where = `v."networkId" = ${next(networkId)}${version === undefined ? '' : ` AND v."version" = ${next(version)}`}`;
    const [row]: Record<string, unknown>[] = await this.versions.manager.query(
      `SELECT ${v.select}${accepted} FROM ${v.table} WHERE ${where} ORDER BY v."version" DESC LIMIT 1`,
      parameters,
    );
    const found = row ? v.read(row) : null;
    if (found) return { covenant: found, accepted: Number(row.accepted ?? 0) > 0 };
    // No version yet (the first is made now), or no such version (an error, as before).
    const covenant = await this.version(networkId, version);
    return { covenant, accepted: userId !== null && (await this.validAcceptance(userId, networkId)) !== null };
  }

  async get(viewer: Viewer, networkId: string, version?: number): Promise<CovenantView> {
    const access = await this.networks.accessFor(viewer, networkId);
    const found = version === undefined ? await this.current(networkId) : await this.versions.findOneBy({ networkId, version });
    if (!found) throw new NotFoundException(`Versie ${version} van het convenant bestaat niet.`);
    const isCurrent = version === undefined || found.version === (await this.current(networkId)).version;
    return this.view(found, can(access.role, 'covenant.edit') && isCurrent);
  }

  /** The next version of the network's covenant, stored (the caller checked access and text). */
  async addVersion(viewer: Viewer, role: AccessEvent['role'], networkId: string, dto: UpdateCovenantDto): Promise<CovenantView> {
    // The next number and the new matrix in one unit of work. Two changes at once (several API
    // instances on PostgreSQL) take the same number: the unique index refuses the second, which
    // tries again on top of the first. Both stay in the history.
    let next: CovenantVersion | undefined;
    for (let attempt = 1; !next; attempt++) {
      try {
        next = await this.units.run(async (manager) => {
          const current = await this.current(networkId, manager);
          const version = this.versions.create({
            id: newId(),
            networkId,
            version: current.version + 1,
            levels: dto.levels,
            retentionMonths: dto.retentionMonths,
            anonymousQuestionSubmitter: dto.anonymousQuestionSubmitter,
            // Left out of the request: stays as it was.
            knownElsewhereCheck: dto.knownElsewhereCheck ?? current.knownElsewhereCheck,
            confidentialityStatement: dto.confidentialityStatement.trim(),
            createdAt: this.clock.now(),
            createdById: viewer.id,
          });
          await manager.withRepository(this.versions).insert(version);
          return version;
        });
      } catch (error) {
        if (attempt >= 10 || !isUniqueViolation(error)) throw error;
      }
    }
    await this.accessLog.record([
      {
        viewer,
        role,
        networkId,
        caseId: null,
        action: 'COVENANT_CHANGE',
        level: null,
        context: 'MANAGEMENT',
        object: { type: 'COVENANT', id: next.id },
      },
    ]);
    return this.view(next, true);
  }

  /** A signature under the current version, stored (the caller checked access and text). */
  async addSignature(
    viewer: Viewer,
    role: AccessEvent['role'],
    networkId: string,
    organisation: { id: string; name: string },
    dto: AddSignatureDto,
  ): Promise<CovenantSignatureView> {
    const current = await this.current(networkId);
    const signature = await this.signatures.save(
      this.signatures.create({
        id: newId(),
        networkId,
        organisationId: organisation.id,
        covenantVersion: current.version,
        signatory: dto.signatory.trim(),
        signedOn: dto.signedOn,
        recordedAt: this.clock.now(),
      }),
    );
    await this.accessLog.record([
      {
        viewer,
        role,
        networkId,
        caseId: null,
        action: 'COVENANT_SIGNATURE',
        level: null,
        context: 'MANAGEMENT',
        object: { type: 'COVENANT', id: current.id },
        subject: { organisationId: organisation.id },
      },
    ]);
    return { organisation, signatory: signature.signatory, signedOn: signature.signedOn, covenantVersion: signature.covenantVersion };
  }

  async confidentiality(viewer: Viewer, networkId: string): Promise<ConfidentialityView> {
    await this.networks.accessFor(viewer, networkId);
    const covenant = await this.current(networkId);
    const acceptance = await this.validAcceptance(viewer.id, networkId);
    return {
      statement: covenant.confidentialityStatement,
      covenantVersion: covenant.version,
      acceptedAt: acceptance?.acceptedAt.toISOString() ?? null,
      validUntil: acceptance?.validUntil.toISOString() ?? null,
      valid: acceptance !== null,
    };
  }

  async accept(viewer: Viewer, networkId: string): Promise<{ acceptedAt: string; validUntil: string }> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'confidentiality.accept');
    return this.recordAcceptance(viewer.id, networkId, { viewer, role: access.role });
  }

  /**
   * Records an acceptance for someone whose access another module checked (a meeting guest). With
   * `by`, the acceptance goes into the access log as theirs; without, as the user's, role unknown.
   */
  async recordAcceptance(
    userId: string,
    networkId: string,
    by?: { viewer: Viewer; role: string | null },
  ): Promise<{ acceptedAt: string; validUntil: string }> {
    const covenant = await this.current(networkId);
    const acceptedAt = this.clock.now();
    const validUntil = plusMonthsAmsterdam(acceptedAt, ACCEPTANCE_MONTHS);
    await this.acceptances.insert({ id: newId(), networkId, userId, covenantVersion: covenant.version, acceptedAt, validUntil });
    await this.accessLog.record([
      {
        viewer: by?.viewer ?? null,
        role: by?.role ?? null,
        networkId,
        caseId: null,
        action: 'CONFIDENTIALITY_ACCEPT',
        level: null,
        context: 'MANAGEMENT',
        object: { type: 'COVENANT', id: covenant.id },
        subject: { userId, role: by?.role ?? null },
      },
    ]);
    return { acceptedAt: acceptedAt.toISOString(), validUntil: validUntil.toISOString() };
  }

  async validAcceptance(userId: string, networkId: string): Promise<ConfidentialityAcceptance | null> {
    const [latest] = await this.acceptances.find({
      where: { userId, networkId, validUntil: MoreThan(this.clock.now()) },
      order: { validUntil: 'DESC' },
      take: 1,
    });
    return latest ?? null;
  }

  private async view(version: CovenantVersion, canEdit: boolean): Promise<CovenantView> {
    const signatures = await this.signatures.find({ where: { networkId: version.networkId }, order: { signedOn: 'ASC' } });
    const names = await this.organisations.namesOf(signatures.map((s) => s.organisationId));
    return toCovenantView(version, signatures, names, canEdit);
  }
}
