import { BadRequestException, HttpException, HttpStatus, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { LessThan, MoreThan, Not, type EntityManager, type Repository } from 'typeorm';
import type { ActivateAccountDto, ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto } from '@casustafel/contract/account';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { within } from '../database/unit-of-work';
import { normaliseEmail, UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { PasswordResetRequest } from './password-reset-request.entity';
import { Session } from './session.entity';

/** Reset links asked for one address, and from one IP address, per hour. */
export const RESET_WINDOW_MS = 3_600_000;
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_IP = 20;
export const TOO_MANY_RESETS = 'Er zijn te veel nieuwe wachtwoorden aangevraagd. Wacht een uur en probeer het dan opnieuw.';
export const WRONG_CURRENT_PASSWORD = 'Je huidige wachtwoord klopt niet.';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The account's own password (issue #11, ADR 0014): activation and reset with a link from a mail,
 * and changing it while signed in. Setting a password ends sessions: a change the user's other
 * sessions, a reset every session.
 */
@Injectable()
export class AccountService implements OnModuleDestroy {
  private readonly logger = new Logger(AccountService.name);
  /** Reset mails being prepared after the answer went out. */
  private readonly background = new Set<Promise<void>>();

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(PasswordResetRequest) private readonly resets: Repository<PasswordResetRequest>,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /** Sets the first password with the token from the activation mail. */
  async activate(dto: ActivateAccountDto): Promise<void> {
    await this.users.setPasswordWithToken(dto.token, 'ACTIVATION', dto.password);
  }

  /**
   * A reset link for this address. The answer is the same, and as quick, whether or not the address
   * has an account: only the throttle is checked before answering (counted for every address); looking
   * the account up and writing the token and the mail happen after the answer has gone.
   */
  async requestPasswordReset(dto: PasswordResetRequestDto, ip: string): Promise<void> {
    const email = normaliseEmail(dto.email);
    await this.throttleReset(email, ip);
    // Started on the next turn of the event loop, once the answer is on its way: the database driver
    // may be synchronous (SQLite), and the lookup must not delay the answer for a known address.
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.users.sendPasswordReset(email))
      .catch((error: unknown) => this.logger.error(`Reset mail not prepared: ${error instanceof Error ? error.name : 'error'}`))
      .finally(() => this.background.delete(work));
    this.background.add(work);
  }

  /** Sets a new password with the token from the reset mail; every session of the user ends. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    await this.users.setPasswordWithToken(dto.token, 'RESET', dto.password, (manager, user) => this.endSessions(manager, user.id));
  }

  /**
   * The signed-in user's new password, after checking the current one (throttled as a login); their
   * other sessions end, this one stays.
   */
  async changePassword(viewer: Viewer, dto: ChangePasswordDto, currentToken: string | undefined, ip: string): Promise<void> {
    const succeeded = await this.auth.throttlePasswordCheck(viewer.email, ip);
    if (!(await this.users.verifyCredentials(viewer.email, dto.currentPassword))) {
      throw new BadRequestException({
        statusCode: 400,
        message: WRONG_CURRENT_PASSWORD,
        error: 'Bad Request',
        fields: { currentPassword: [WRONG_CURRENT_PASSWORD] },
      });
    }
    await succeeded();
    const keep = currentToken ? hashToken(currentToken) : '';
    await this.users.changePassword(viewer.id, dto.newPassword, (manager) => this.endSessions(manager, viewer.id, keep));
  }

  /** Resolves when the reset mails asked for so far are in the outbox (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.settled();
  }

  private async endSessions(manager: EntityManager, userId: string, except?: string): Promise<void> {
    await within(this.sessions, manager).delete(except ? { userId, tokenHash: Not(except) } : { userId });
  }

  /** Writes the request, then counts: per address and per IP address in the last hour. */
  private async throttleReset(email: string, ip: string): Promise<void> {
    const now = this.clock.now();
    await this.resets.delete({ at: LessThan(new Date(now.getTime() - 24 * 3_600_000)) });
    const id = newId();
    await this.resets.insert({ id, email, ip, at: now });
    const hour = MoreThan(new Date(now.getTime() - RESET_WINDOW_MS));
    const [byEmail, byIp] = await Promise.all([
      this.resets.count({ where: { email, at: hour } }),
      this.resets.count({ where: { ip, at: hour } }),
    ]);
    if (byEmail > MAX_RESETS_PER_EMAIL || byIp > MAX_RESETS_PER_IP) {
      await this.resets.delete({ id });
      throw new HttpException({ statusCode: 429, message: TOO_MANY_RESETS, error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
