import { HttpException, HttpStatus, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, MoreThan, Repository } from 'typeorm';
import type { LoginDto } from '@casustafel/contract/auth';
import { AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import type { SessionStatus } from '../common/decorators';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { placeholder, RawEntity } from '../database/raw-entity';
import { SecondFactorService } from '../users/second-factor.service';
import { normaliseEmail, UsersService } from '../users/users.service';
import { User } from '../users/user.entity';
import { browserLabel } from './browser-label';
import { LoginAttempt } from './login-attempt.entity';
import { MfaPolicyService } from './mfa-policy.service';
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
/** A half-session waiting for the second factor's code lasts this long. */
export const MFA_PENDING_MINUTES = 5;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The session behind a request, as the AuthGuard puts it on the request. */
export interface SessionRef {
  id: string;
  tokenHash: string;
  status: SessionStatus;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** The session look-up's statement, built on first use (sessionWithUser). */
  private sessionSql?: { text: string; s: RawEntity<Session>; u: RawEntity<User> };

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly mfaPolicy: MfaPolicyService,
    secondFactor: SecondFactorService,
  ) {
    // A reset second factor ends every session of the user: they sign in (and enrol) again.
    secondFactor.onReset(async ({ user }) => void (await this.sessions.delete({ userId: user.id })));
  }

  /**
   * Checks the credentials and starts a session; returns the cookie token and the user. The attempt
   * is written down before anything is counted or checked, so that attempts arriving together
   * count each other: of ten simultaneous guesses at most five get their password checked. With a
   * second factor on, the session is half (MFA_PENDING) until its code is given; when the MFA_REQUIRED
   * policy asks this user for one they have not set up, it is half until they have (ENROLMENT).
   */
  async login(dto: LoginDto, ip: string, userAgent?: string): Promise<{ token: string; user: User; status: SessionStatus }> {
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
    const status: SessionStatus = user.mfaEnabled ? 'MFA_PENDING' : (await this.mfaPolicy.requiredFor(user.id)) ? 'ENROLMENT' : 'ACTIVE';
    const token = await this.startSession(user.id, status, ip, browserLabel(userAgent));
    return { token, user, status };
  }

  /**
   * A new session row; returns the cookie's token. Sessions that have ended by time are removed here,
   * so that their address and browser are not kept after them.
   */
  async startSession(userId: string, status: SessionStatus, ip: string | null, browser: string | null): Promise<string> {
    const now = this.clock.now();
    await this.sessions.delete({ expiresAt: LessThan(now) });
    await this.sessions.delete({ lastSeenAt: LessThan(new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000)) });
    const token = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      tokenHash: hashToken(token),
      id: newId(),
      userId,
      status,
      browser,
      ip,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
    });
    // A completed sign-in (for a second factor: once its code is given), for the yearly review of who still needs access.
    if (status !== 'MFA_PENDING') await this.users.recordSignIn(userId, now);
    return token;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete({ tokenHash: hashToken(token) });
  }

  /** The viewer behind the token of a full session (not a half one); 401 otherwise. */
  async authenticate(token: string): Promise<Viewer> {
    const { viewer, session } = await this.authenticateSession(token);
    if (session.status !== 'ACTIVE') throw new UnauthorizedException(SESSION_EXPIRED);
    return viewer;
  }

  /**
   * The viewer and session behind a session token. Ends the session when it has been idle too long or
   * has reached its absolute end (for a session waiting for the second factor's code: after
   * MFA_PENDING_MINUTES), or when the account was deactivated.
   */
  async authenticateSession(token: string): Promise<{ viewer: Viewer; session: SessionRef }> {
    const tokenHash = hashToken(token);
    const session = await this.sessionWithUser(tokenHash);
    if (!session) throw new UnauthorizedException(SESSION_EXPIRED);
    const now = this.clock.now().getTime();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    const pendingTooLong = session.status === 'MFA_PENDING' && now >= session.createdAt.getTime() + MFA_PENDING_MINUTES * 60_000;
    if (now >= idleLimit || now >= session.expiresAt.getTime() || pendingTooLong || !session.user?.active) {
      await this.sessions.delete({ tokenHash });
      throw new UnauthorizedException(SESSION_EXPIRED);
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.sessions.update({ tokenHash }, { lastSeenAt: new Date(now) });
    }
    const user = session.user;
    return {
      viewer: { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, organisationId: user.organisationId },
      session: { id: session.id, tokenHash, status: session.status },
    };
  }

  /**
   * The session behind a token hash with its user, in one statement written once per process (RawEntity):
   * every request but a public one starts here, and through the repository finding it cost more CPU
   * than SQLite did. The hash is the key, so one row at most.
   */
  private async sessionWithUser(tokenHash: string): Promise<(Session & { user: User | null }) | null> {
    if (!this.sessionSql) {
      const source = this.sessions.manager.connection;
      const s = new RawEntity(source, Session, 's');
      const u = new RawEntity(source, User, 'u');
      this.sessionSql = {
        text: `SELECT ${s.select}, ${u.select} FROM ${s.table} LEFT JOIN ${u.table} ON u."id" = s."userId" WHERE s."tokenHash" = ${placeholder(source, 0)}`,
        s,
        u,
      };
    }
    const { text, s, u } = this.sessionSql;
    const [row]: Record<string, unknown>[] = await this.sessions.manager.query(text, [tokenHash]);
    const session = row ? s.read(row) : null;
    return session ? Object.assign(session, { user: u.read(row) }) : null;
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
