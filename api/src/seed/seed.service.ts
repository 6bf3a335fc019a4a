import { Notifier } from '../notifications/notifier';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ConfigError } from '../config/app-config';
import { RunOnce } from '../database/run-once';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import { plainToInstance } from 'class-transformer';
import { CreateCaseDto, UpdateCaseStatusDto } from '@casustafel/contract/cases';
import { AnswerQuestionDto, CreateQuestionDto } from '@casustafel/contract/questions';
import { CasesService } from '../cases/cases.service';
import { CovenantsService } from '../covenants/covenants.service';
import { QuestionsService } from '../questions/questions.service';
import { DEMO_CAPACITIES, DEMO_CASES, DEMO_NETWORKS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_QUESTIONS, DEMO_USERS } from './demo-data';

/** Seeding acts through the domain services, so that demo data obeys the same rules as real data. */
const SEED_ACTOR: Viewer = { id: 'seed', name: 'seed', email: 'seed', isAdmin: true, organisationId: 'seed' };

/**
 * Fills an empty database: the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD, and outside
 * production the demo data. In production an empty database without those variables is refused.
 * One instance at a time: of instances starting together on an empty database, one fills it and the
 * others then find it filled.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly networks: NetworksService,
    private readonly cases: CasesService,
    private readonly covenants: CovenantsService,
    private readonly questions: QuestionsService,
    private readonly notifier: Notifier,
    private readonly once: RunOnce,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.once.exclusive('seed', () => this.seed());
  }

  private async seed(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    if (this.config.isProduction && !this.config.adminEmail) {
      throw new ConfigError(
        'De database is leeg en er is geen eerste beheerder opgegeven. Zet ADMIN_EMAIL en ADMIN_PASSWORD en start opnieuw.',
      );
    }
    const orgIds = this.config.seedDemoData ? await this.notifier.silently(() => this.seedDemo()) : new Map<string, string>();
    if (this.config.adminEmail && this.config.adminPassword) {
      const organisationId =
        orgIds.get('beheer') ??
        (await this.organisations.create({ name: 'Functioneel beheer Casustafel', kind: 'FORMAL', sector: 'Beheer' })).id;
      await this.users.createActivated({
        name: this.config.adminName,
        email: this.config.adminEmail,
        password: this.config.adminPassword,
        organisationId,
        isAdmin: true,
      });
      this.logger.log('First administrator created from ADMIN_EMAIL.');
    }
  }

  private async seedDemo(): Promise<Map<string, string>> {
    const orgIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      orgIds.set(org.key, (await this.organisations.create({ name: org.name, kind: org.kind, sector: org.sector })).id);
    }
    const networkIds = new Map<string, string>();
    for (const network of DEMO_NETWORKS) {
      const { id } = await this.networks.create({ name: network.name, kind: network.kind, area: network.area });
      networkIds.set(network.key, id);
      for (const [org, ring] of network.members) {
        await this.networks.addMember(SEED_ACTOR, id, { organisationId: orgIds.get(org)!, ring, since: '2025-01-15' });
      }
    }
    for (const demo of DEMO_USERS) {
      const user = await this.users.createActivated({
        name: demo.name,
        email: demo.email,
        password: DEMO_PASSWORD,
        organisationId: orgIds.get(demo.organisation)!,
        isAdmin: demo.isAdmin ?? false,
      });
      for (const [network, role] of demo.roles) {
        await this.networks.assignRole(SEED_ACTOR, networkIds.get(network)!, { userId: user.id, role });
      }
    }
    const demoUsers = await this.users.listByOrganisations([...orgIds.values()]);
    const asViewer = (email: string): Viewer => {
      const u = demoUsers.find((candidate) => candidate.email === email)!;
      return { id: u.id, name: u.name, email: u.email, isAdmin: false, organisationId: u.organisation.id };
    };
    const coordinatorOf = { buurt: 'coordinator.buurt@demo.casustafel.nl', oggz: 'coordinator.noord@demo.casustafel.nl' } as Record<
      string,
      string
    >;
    for (const [network, organisation, capacity] of DEMO_CAPACITIES) {
      await this.networks.updateMember(asViewer(coordinatorOf[network]), networkIds.get(network)!, orgIds.get(organisation)!, { capacity });
    }
    for (const demo of DEMO_CASES) {
      const created = await this.cases.create(
        asViewer(demo.submittedBy),
        networkIds.get(demo.network)!,
        plainToInstance(CreateCaseDto, demo.dto),
      );
      if (demo.status) {
        const coordinator = asViewer(coordinatorOf[demo.network]);
        await this.cases.updateStatus(coordinator, created.id, plainToInstance(UpdateCaseStatusDto, { status: 'ACCEPTED' }));
        if (demo.status === 'MONITORING')
          await this.cases.updateStatus(coordinator, created.id, plainToInstance(UpdateCaseStatusDto, { status: 'MONITORING' }));
      }
    }
    for (const demo of DEMO_QUESTIONS) {
      const created = await this.questions.create(
        asViewer(demo.submittedBy),
        networkIds.get(demo.network)!,
        plainToInstance(CreateQuestionDto, demo.dto),
      );
      if (demo.answer)
        await this.questions.answer(asViewer(coordinatorOf[demo.network]), created.id, plainToInstance(AnswerQuestionDto, demo.answer));
    }
    // Covenants exist from the start, so that a coordinator can record signatures at once.
    for (const id of networkIds.values()) await this.covenants.current(id);
    this.logger.warn(`Demo data seeded: ${DEMO_USERS.length} accounts with the demo password (see README). Not for production.`);
    return orgIds;
  }
}
