import { HttpException, HttpStatus, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, MoreThan, Repository } from 'typeorm';
import type { LoginDto } from '@casustafel/contract/auth';
import { AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { normaliseEmail, UsersService } from '../users/users.service';
import type { User } from '../users/user.entity';
import { LoginFailure } from './login-failure.entity';
import { Session } from './session.entity';

/** Failed logins allowed per account and per address within the window, before 429. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 60_000;
/** lastSeenAt is written at most this often, so that reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export const WRONG_CREDENTIALS = 'Het e-mailadres of het wachtwoord klopt niet.';
export const SESSION_EXPIRED = 'Je sessie is verlopen. Log opnieuw in.';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Checks the credentials and starts a session; returns the cookie token and the user. */
  async login(dto: LoginDto, ip: string): Promise<{ token: string; user: User }> {
    const email = normaliseEmail(dto.email);
    const now = this.clock.now();
    await this.refuseWhenThrottled(email, ip, now);
    const user = await this.users.verifyCredentials(email, dto.password);
    if (!user) {
      await this.failures.insert({ id: newId(), email, ip, at: now });
      this.logger.warn(`Failed login from ${ip}`);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    const token = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
    });
    return { token, user };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete({ tokenHash: hashToken(token) });
  }

  /**
   * The viewer behind a session token. Ends the session when it has been idle too long or has
   * reached its absolute end, or when the account was deactivated.
   */
  async authenticate(token: string): Promise<Viewer> {
    const tokenHash = hashToken(token);
    const session = await this.sessions.findOne({ where: { tokenHash }, relations: { user: true } });
    if (!session) throw new UnauthorizedException(SESSION_EXPIRED);
    const now = this.clock.now().getTime();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (now >= idleLimit || now >= session.expiresAt.getTime() || !session.user?.active) {
      await this.sessions.delete({ tokenHash });
      throw new UnauthorizedException(SESSION_EXPIRED);
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.sessions.update({ tokenHash }, { lastSeenAt: new Date(now) });
    }
    const user = session.user;
    return { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, organisationId: user.organisationId };
  }

  private async refuseWhenThrottled(email: string, ip: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
    // Old failures are of no further use; clearing them here keeps the table small without a job.
    await this.failures.delete({ at: LessThan(new Date(now.getTime() - 24 * 3_600_000)) });
    const [byAccount, byAddress] = await Promise.all([
      this.failures.count({ where: { email, at: MoreThan(since) } }),
      this.failures.count({ where: { ip, at: MoreThan(since) } }),
    ]);
    if (byAccount >= MAX_FAILURES || byAddress >= MAX_FAILURES) {
      throw new HttpException(
        {
          statusCode: 429,
          message: 'Te veel mislukte inlogpogingen. Wacht een minuut en probeer het dan opnieuw.',
          error: 'Too Many Requests',
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
