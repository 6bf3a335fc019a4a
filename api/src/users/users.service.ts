import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { CreateUserDto, UpdateUserDto, UserView } from '@casustafel/contract/users';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { OrganisationsService } from '../organisations/organisations.service';
import { PasswordHasher } from './password-hasher';
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
  ) {}

  async create(dto: CreateUserDto): Promise<UserView> {
    const email = normaliseEmail(dto.email);
    if (!(await this.organisations.findById(dto.organisationId))) {
      throw new BadRequestException('De gekozen organisatie bestaat niet. Kies een bestaande organisatie.');
    }
    if (await this.users.exists({ where: { email } })) {
      throw new ConflictException('Er bestaat al een account met dit e-mailadres.');
    }
    const user = await this.users.save(
      this.users.create({
        id: newId(),
        name: dto.name.trim(),
        email,
        passwordHash: await this.hasher.hash(dto.password),
        organisationId: dto.organisationId,
        isAdmin: dto.isAdmin ?? false,
        active: true,
        createdAt: this.clock.now(),
      }),
    );
    return this.view(user.id);
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

  /** A completed sign-in (after the second factor, where there is one): for the yearly review of who still needs access. */
  async recordSignIn(userId: string, at: Date): Promise<void> {
    await this.users.update({ id: userId }, { lastSignInAt: at });
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
