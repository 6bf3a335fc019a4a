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
import { LoginAttempt } from './login-attempt.entity';
import { Session } from './session.entity';

/**
 * Login throttling. Failed logins are counted per account + address (so that someone elsewhere
 * cannot lock the owner out), per address (one address trying many accounts) and per account across
 * all addresses (password spraying): there each failure past the first few makes the next attempt
 * wait longer, up to a ceiling where the account answers 429 to everyone for a while.
 */
export const FAILURE_WINDOW_MS = 60_000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURES_BEFORE_DELAY = 5;
export const MAX_FAILURES_PER_ACCOUNT = 50;
export const DELAY_BASE_MS = 250;
export const DELAY_MAX_MS = 8_000;

/**
 * The wait before checking a password, given the failed attempts on the account (across addresses)
 * before this one: none for the first 5, then 250 ms, doubling with every further failure, up to 8 s.
 */
export function loginDelayMs(accountFailures: number): number {
  const excess = accountFailures - ACCOUNT_FAILURES_BEFORE_DELAY;
  return excess < 0 ? 0 : Math.min(DELAY_BASE_MS * 2 ** excess, DELAY_MAX_MS);
}

export const TOO_MANY_ATTEMPTS = 'Te veel mislukte inlogpogingen. Wacht een minuut en probeer het dan opnieuw.';
export const ACCOUNT_UNDER_ATTACK =
  'Te veel mislukte inlogpogingen op dit account, van verschillende plekken. Wacht een kwartier en probeer het dan opnieuw; meld het bij de beheerder als je dit niet zelf was.';
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
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the credentials and starts a session; returns the cookie token and the user. The attempt
   * is written down before anything is counted or checked, so that attempts arriving together
   * count each other: of ten simultaneous guesses at most five get their password checked.
   */
  async login(dto: LoginDto, ip: string): Promise<{ token: string; user: User }> {
    const email = normaliseEmail(dto.email);
    const now = this.clock.now();
    const attempt = await this.reserveAttempt(email, ip, now);
    await this.clock.sleep(attempt.delayMs);
    const user = await this.users.verifyCredentials(email, dto.password);
    if (!user) {
      // The reserved attempt stays: it is now a failure.
      this.logger.warn(`Failed login from ${ip}`);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.attempts.delete({ id: attempt.id });
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
    // find, not findOne: with a relation, findOne pages its joined rows in a second query. The hash is the key, so one row at most.
    const [session] = await this.sessions.find({ where: { tokenHash }, relations: { user: true } });
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

  /**
   * For a password check outside the login (changing one's password): the same throttle as a login,
   * counted on the account and address. Returns a function that clears the attempt once the password
   * proved right; a wrong one stays counted as a failure.
   */
  async throttlePasswordCheck(email: string, ip: string): Promise<() => Promise<void>> {
    const attempt = await this.reserveAttempt(normaliseEmail(email), ip, this.clock.now());
    await this.clock.sleep(attempt.delayMs);
    return async () => {
      await this.attempts.delete({ id: attempt.id });
    };
  }

  /**
   * Writes the attempt, then counts the attempts in each window, this one and any that arrived at the
   * same time included. Over a limit, the attempt is taken back and refused with 429; otherwise the
   * answer says how long to wait before the password is checked.
   */
  private async reserveAttempt(email: string, ip: string, now: Date): Promise<{ id: string; delayMs: number }> {
    // Old attempts are of no further use; clearing them here keeps the table small without a job.
    await this.attempts.delete({ at: LessThan(new Date(now.getTime() - 24 * 3_600_000)) });
    const id = newId();
    await this.attempts.insert({ id, email, ip, at: now });
    const minute = MoreThan(new Date(now.getTime() - FAILURE_WINDOW_MS));
    const accountWindow = MoreThan(new Date(now.getTime() - ACCOUNT_WINDOW_MS));
    const [byAccountAndAddress, byAddress, byAccount] = await Promise.all([
      this.attempts.count({ where: { email, ip, at: minute } }),
      this.attempts.count({ where: { ip, at: minute } }),
      this.attempts.count({ where: { email, at: accountWindow } }),
    ]);
    const refusal =
      byAccountAndAddress > MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS || byAddress > MAX_FAILURES_PER_ADDRESS
        ? TOO_MANY_ATTEMPTS
        : byAccount > MAX_FAILURES_PER_ACCOUNT
          ? ACCOUNT_UNDER_ATTACK
          : null;
    if (refusal) {
      await this.attempts.delete({ id });
      throw new HttpException({ statusCode: 429, message: refusal, error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
    }
    return { id, delayMs: loginDelayMs(byAccount - 1) };
  }
}
