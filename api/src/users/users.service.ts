import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { CreateUserDto, UpdateUserDto, UserView } from '@casustafel/contract/users';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AppConfig } from '../config/app-config';
import { newId } from '../database/ids';
import { UnitOfWork, within } from '../database/unit-of-work';
import { MailOutbox } from '../mail/mail-outbox';
import { OrganisationsService } from '../organisations/organisations.service';
import type { AccountTokenPurpose } from './account-token.entity';
import { AccountTokens, TOKEN_INVALID, TOKEN_LIFETIME_MS } from './account-tokens';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { User } from './user.entity';
import { toUserView } from './user.mapper';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** An account was deactivated or reactivated, by this administrator. */
export interface UserStatusChange {
  actor: Viewer;
  user: User;
  active: boolean;
}

@Injectable()
export class UsersService {
  private readonly statusListeners: ((change: UserStatusChange) => Promise<void>)[] = [];

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organisations: OrganisationsService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly units: UnitOfWork,
    private readonly tokens: AccountTokens,
    private readonly outbox: MailOutbox,
    private readonly policy: PasswordPolicy,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new account, without a password: the owner gets a mail with a link to choose one (72 h, once).
   * The account, its token and the mail are written together.
   */
  async create(dto: CreateUserDto): Promise<UserView> {
    const id = await this.units.run(async (manager) => {
      const user = await this.insert(manager, { ...dto, passwordHash: null });
      await this.sendActivation(manager, user);
      return user.id;
    });
    return this.view(id);
  }

  /**
   * An account that is active at once, with a password from the configuration (the first administrator
   * from ADMIN_EMAIL/ADMIN_PASSWORD) or the demo password (development only): for the seed, never a route.
   */
  async createActivated(dto: CreateUserDto & { password: string }): Promise<UserView> {
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.units.run((manager) => this.insert(manager, { ...dto, passwordHash }));
    return this.view(user.id);
  }

  /** A new activation link for an account that was not activated yet; earlier links stop working. */
  async resendActivation(id: string): Promise<void> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('Deze gebruiker bestaat niet.');
    if (user.passwordHash !== null)
      throw new ConflictException('Dit account is al geactiveerd. De gebruiker kan zelf een nieuw wachtwoord aanvragen.');
    if (!user.active) throw new ConflictException('Dit account is gedeactiveerd. Activeer het eerst weer.');
    await this.units.run((manager) => this.sendActivation(manager, user));
  }

  /**
   * Sets the password with the token from an activation or reset link, after the strength check; the
   * token is used up and open reset links end. A reset also mails a notice. `alsoInUnit` runs in the
   * same transaction (AuthService ends the user's sessions there).
   */
  async setPasswordWithToken(
    token: string,
    purpose: AccountTokenPurpose,
    password: string,
    alsoInUnit?: (manager: EntityManager, user: User) => Promise<void>,
  ): Promise<User> {
    const user = await this.users.findOneBy({ id: await this.tokens.holder(token, purpose) });
    if (!user || !user.active || (purpose === 'ACTIVATION' && user.passwordHash !== null)) throw new BadRequestException(TOKEN_INVALID);
    this.policy.require(password, user);
    const passwordHash = await this.hasher.hash(password);
    await this.units.run(async (manager) => {
      await this.tokens.use(manager, token, purpose);
      await this.storePassword(manager, user, passwordHash, purpose === 'RESET');
      await alsoInUnit?.(manager, user);
    });
    return user;
  }

  /** The owner's new password (the current one was checked by the caller): strength check, notice mail, `alsoInUnit` in the same transaction. */
  async changePassword(
    userId: string,
    password: string,
    alsoInUnit?: (manager: EntityManager, user: User) => Promise<void>,
  ): Promise<void> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new NotFoundException('Deze gebruiker bestaat niet.');
    this.policy.require(password, user, 'newPassword');
    const passwordHash = await this.hasher.hash(password);
    await this.units.run(async (manager) => {
      await this.storePassword(manager, user, passwordHash, true);
      await alsoInUnit?.(manager, user);
    });
  }

  /**
   * Mails a reset link (1 h, once) to the account with this address, if there is an active one;
   * nothing otherwise. The caller answers the same either way.
   */
  async sendPasswordReset(email: string): Promise<void> {
    const user = await this.users.findOneBy({ email: normaliseEmail(email), active: true });
    if (!user) return;
    await this.units.run(async (manager) => {
      const token = await this.tokens.issue(manager, user.id, 'RESET');
      await this.outbox.enqueue(manager, {
        to: user.email,
        template: 'passwordReset',
        data: { name: user.name, link: this.link('/account/herstellen', token), minutes: TOKEN_LIFETIME_MS.RESET / 60_000 },
      });
    });
  }

  private async insert(manager: EntityManager, dto: CreateUserDto & { passwordHash: string | null }): Promise<User> {
    const email = normaliseEmail(dto.email);
    if (!(await this.organisations.findById(dto.organisationId))) {
      throw new BadRequestException('De gekozen organisatie bestaat niet. Kies een bestaande organisatie.');
    }
    const users = within(this.users, manager);
    if (await users.exists({ where: { email } })) {
      throw new ConflictException('Er bestaat al een account met dit e-mailadres.');
    }
    return users.save(
      users.create({
        id: newId(),
        name: dto.name.trim(),
        email,
        passwordHash: dto.passwordHash,
        organisationId: dto.organisationId,
        isAdmin: dto.isAdmin ?? false,
        active: true,
        createdAt: this.clock.now(),
      }),
    );
  }

  private async sendActivation(manager: EntityManager, user: User): Promise<void> {
    const token = await this.tokens.issue(manager, user.id, 'ACTIVATION');
    await this.outbox.enqueue(manager, {
      to: user.email,
      template: 'activation',
      data: { name: user.name, link: this.link('/account/activeren', token), hours: TOKEN_LIFETIME_MS.ACTIVATION / 3_600_000 },
    });
  }

  private async storePassword(manager: EntityManager, user: User, passwordHash: string, notify: boolean): Promise<void> {
    await within(this.users, manager).update({ id: user.id }, { passwordHash });
    await this.tokens.endAll(manager, user.id, 'RESET');
    if (notify) {
      await this.outbox.enqueue(manager, {
        to: user.email,
        template: 'passwordChanged',
        data: { name: user.name, at: this.clock.now().toISOString(), resetLink: `${this.config.linkBaseUrl}/account/herstellen` },
      });
    }
  }

  private link(path: string, token: string): string {
    return `${this.config.linkBaseUrl}${path}?token=${token}`;
  }

  async list(): Promise<UserView[]> {
    const users = await this.users.find({ relations: { organisation: true }, order: { name: 'ASC' } });
    return users.map(toUserView);
  }

  /** Active users of the given organisations, for choosing whom to give a role in a network. */
  async listByOrganisations(organisationIds: string[]): Promise<UserView[]> {
    if (organisationIds.length === 0) return [];
    const users = await this.users.find({
      where: { organisationId: In(organisationIds), active: true, isAdmin: false },
      relations: { organisation: true },
      order: { name: 'ASC' },
    });
    return users.map(toUserView);
  }

  async update(actor: Viewer, id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('Deze gebruiker bestaat niet.');
    const statusChanged = dto.active !== undefined && dto.active !== user.active;
    if (dto.active !== undefined) user.active = dto.active;
    await this.users.save(user);
    if (statusChanged) for (const listener of this.statusListeners) await listener({ actor, user, active: user.active });
    return this.view(id);
  }

  /**
   * Told when an account is deactivated or reactivated. NetworksService listens, to write it into
   * the access log of every network the user holds a role in: users cannot depend on networks,
   * which depend on users.
   */
  onStatusChange(listener: (change: UserStatusChange) => Promise<void>): void {
    this.statusListeners.push(listener);
  }

  // find, not findOne: with a relation, findOne pages its joined rows in a second query (id and e-mail are unique).
  async findByEmail(email: string): Promise<User | null> {
    return (await this.users.find({ where: { email: normaliseEmail(email) }, relations: { organisation: true } }))[0] ?? null;
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.find({ where: { id: In(ids) }, relations: { organisation: true } }) : Promise.resolve([]);
  }

  async findById(id: string): Promise<User | null> {
    return (await this.users.find({ where: { id }, relations: { organisation: true } }))[0] ?? null;
  }

  /** id → name of these users, in one query (for other modules' views). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.users.find({ where: { id: In(unique) }, select: { id: true, name: true } }) : [];
    return new Map(found.map((u) => [u.id, u.name]));
  }

  /** The user whose e-mail and password these are, if active; null otherwise (one answer for every failure). */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    const user = await this.users.findOne({ where: { email: normaliseEmail(email) }, relations: { organisation: true } });
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    return valid && user?.active ? user : null;
  }

  /** Used once, on an empty database: the first administrator. */
  async count(): Promise<number> {
    return this.users.count();
  }

  private async view(id: string): Promise<UserView> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundException('Deze gebruiker bestaat niet.');
    return toUserView(user);
  }
}
