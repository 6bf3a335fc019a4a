import { BadRequestException, ConflictException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import type { MfaDisableDto, MfaRecoveryCodesView, MfaSetupView } from '@casustafel/contract/account';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { MFA_NOT_ON, SecondFactorService } from '../users/second-factor.service';
import { AuthService, type SessionRef } from './auth.service';
import { LoginAttempt } from './login-attempt.entity';
import { MfaPolicyService } from './mfa-policy.service';
import { SessionsService } from './sessions.service';

/** Wrong codes (and, to turn MFA off, wrong passwords) per account, across addresses and sessions, in this window. */
export const CODE_WINDOW_MS = 15 * 60_000;
export const MAX_CODE_FAILURES = 5;

export const WRONG_CODE =
  'Deze code klopt niet. Vul de zes cijfers in die je app nu laat zien, of een herstelcode die je nog niet gebruikte.';
export const WRONG_PASSWORD_OR_CODE = 'Het wachtwoord of de code klopt niet.';
export const TOO_MANY_CODES =
  'Te veel foute codes. Wacht een kwartier en probeer het dan opnieuw; meld het bij de beheerder als je dit niet zelf was.';
export const NO_CODE_ASKED = 'Er wordt geen code gevraagd: deze sessie is al volledig ingelogd.';

/**
 * The second factor from the session's side (issue #11): setting it up, the code that completes a
 * half-session, turning it off. Wrong codes are throttled the way logins are: the attempt is written
 * to login_attempts (under the key `mfa:<user id>`) before the code is checked, so that simultaneous
 * guesses count each other, and removed again when the code was right.
 */
@Injectable()
export class MfaService {
  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly policy: MfaPolicyService,
    private readonly clock: Clock,
  ) {}

  setup(viewer: Viewer): Promise<MfaSetupView> {
    return this.secondFactor.setup(viewer.id);
  }

  /** The first code from the app turns the second factor on: this session becomes a full one, the user's other sessions end. */
  async confirm(viewer: Viewer, session: SessionRef, code: string): Promise<MfaRecoveryCodesView> {
    const recoveryCodes = await this.throttled(viewer, WRONG_CODE, () => this.secondFactor.confirm(viewer.id, code));
    await this.sessions.setStatus(session, 'ACTIVE');
    await this.sessions.endOthers(viewer.id, session);
    return { recoveryCodes };
  }

  /** The code that completes a half-session: it is replaced by a full session with a new token, which is returned. */
  async verify(viewer: Viewer, session: SessionRef, code: string): Promise<string> {
    if (session.status !== 'MFA_PENDING') throw new ConflictException(NO_CODE_ASKED);
    await this.throttled(viewer, WRONG_CODE, () => this.secondFactor.check(viewer.id, code));
    const started = await this.sessions.replace(session);
    if (!started) throw new ConflictException(NO_CODE_ASKED); // the same half-session, verified twice at once
    return this.auth.startSession(viewer.id, 'ACTIVE', started.ip, started.browser);
  }

  /**
   * Off, with the password and a code. The user's other sessions end; this one stays, but must enrol
   * again first when the policy asks this user for a second factor.
   */
  async disable(viewer: Viewer, session: SessionRef, dto: MfaDisableDto): Promise<void> {
    if (!(await this.secondFactor.isEnabled(viewer.id))) throw new ConflictException(MFA_NOT_ON);
    await this.throttled(
      viewer,
      WRONG_PASSWORD_OR_CODE,
      async () => (await this.secondFactor.checkPassword(viewer.id, dto.password)) && this.secondFactor.check(viewer.id, dto.code),
    );
    await this.secondFactor.disable(viewer.id);
    await this.sessions.endOthers(viewer.id, session);
    await this.sessions.setStatus(session, (await this.policy.requiredFor(viewer.id)) ? 'ENROLMENT' : 'ACTIVE');
  }

  /**
   * Runs one check of a code, counted: over MAX_CODE_FAILURES wrong ones in CODE_WINDOW_MS it answers
   * 429 without checking; a wrong one answers 400 with `wrong` and stays counted; a right one is not.
   */
  private async throttled<T>(viewer: Viewer, wrong: string, check: () => Promise<T | null | false>): Promise<T> {
    const now = this.clock.now();
    const email = `mfa:${viewer.id}`;
    const id = newId();
    await this.attempts.insert({ id, email, ip: viewer.ip ?? 'unknown', at: now });
    const failures = await this.attempts.count({ where: { email, at: MoreThan(new Date(now.getTime() - CODE_WINDOW_MS)) } });
    if (failures > MAX_CODE_FAILURES) {
      await this.attempts.delete({ id });
      throw new HttpException({ statusCode: 429, message: TOO_MANY_CODES, error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
    }
    let result: T | null | false;
    try {
      result = await check();
    } catch (error) {
      await this.attempts.delete({ id }); // not a wrong code, but a request that does not fit (409)
      throw error;
    }
    if (!result) throw new BadRequestException(wrong);
    await this.attempts.delete({ id });
    return result;
  }
}
