import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { MfaSetupView } from '@casustafel/contract/account';
import type { UserView } from '@casustafel/contract/users';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AppConfig } from '../config/app-config';
import { newId } from '../database/ids';
import { SecretBox } from '../privacy/secret-box';
import { PasswordHasher } from './password-hasher';
import { RecoveryCode } from './recovery-code.entity';
import { User } from './user.entity';
import { toUserView } from './user.mapper';

export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = 'Casustafel';
/** Seconds either side of now a code is still accepted: one 30-second step, for clocks that drift. */
const TOTP_TOLERANCE_SECONDS = 30;
/** Crockford's base32, lower case: no i, l, o or u to mistake. 10 characters carry 50 bits. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export const MFA_ALREADY_ON = 'De tweede stap staat al aan. Zet hem eerst uit als je een andere app wilt koppelen.';
export const MFA_NOT_STARTED = 'Begin opnieuw met het instellen van de tweede stap: er is nog geen code voor je app gemaakt.';
export const MFA_NOT_ON = 'De tweede stap staat niet aan voor dit account.';

/** An administrator reset a user's second factor. */
export interface MfaReset {
  actor: Viewer;
  user: User;
}

/** "abcde-fghjk" as typed: lower case, without the hyphen, with o→0 and i, l→1 as Crockford reads them. */
export const normaliseRecoveryCode = (code: string): string =>
  code.toLowerCase().replace(/-/g, '').replace(/o/g, '0').replace(/[il]/g, '1');

/**
 * The second factor of an account (issue #11): a TOTP secret, encrypted at rest, and ten recovery
 * codes, stored as keyed hashes and each good once. A TOTP code is good once too: the time step of
 * the last code accepted is kept, and only later steps pass. Throttling, sessions and the policy are
 * the auth module's; this is only the credential.
 */
@Injectable()
export class SecondFactorService {
  private readonly box: SecretBox;
  private readonly resetListeners: ((reset: MfaReset) => Promise<void>)[] = [];

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RecoveryCode) private readonly codes: Repository<RecoveryCode>,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.dataKey, 'second factor');
  }

  /** A new secret for the user's authenticator app; it replaces any earlier unconfirmed one and is not used until confirmed. */
  async setup(userId: string): Promise<MfaSetupView> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (user.mfaEnabled) throw new ConflictException(MFA_ALREADY_ON);
    const { generateSecret, generateURI } = otplib();
    const secret = generateSecret();
    await this.users.update({ id: userId }, { mfaSecret: this.box.seal(secret, userId), mfaLastStep: null });
    return { secret, otpauthUrl: generateURI({ issuer: TOTP_ISSUER, label: user.email, secret }) };
  }

  /**
   * Turns the second factor on when the code matches the secret from setup; returns the ten new
   * recovery codes (shown this once), or null for a wrong code.
   */
  async confirm(userId: string, code: string): Promise<string[] | null> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (user.mfaEnabled) throw new ConflictException(MFA_ALREADY_ON);
    if (!user.mfaSecret) throw new ConflictException(MFA_NOT_STARTED);
    if (!(await this.checkTotp(user, code))) return null;
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    await this.codes.delete({ userId });
    await this.codes.insert(
      recoveryCodes.map((c) => ({ id: newId(), userId, codeHash: this.box.mac(normaliseRecoveryCode(c), userId), usedAt: null })),
    );
    await this.users.update({ id: userId }, { mfaEnabled: true });
    return recoveryCodes;
  }

  /** A code from the app (6 digits) or an unused recovery code: true uses it up. False when MFA is not on. */
  async check(userId: string, code: string): Promise<boolean> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (!user.mfaEnabled || !user.mfaSecret) return false;
    if (/^\d{6}$/.test(code)) return this.checkTotp(user, code);
    const { affected } = await this.codes.update(
      { userId, codeHash: this.box.mac(normaliseRecoveryCode(code), userId), usedAt: IsNull() },
      { usedAt: this.clock.now() },
    );
    return affected === 1;
  }

  async checkPassword(userId: string, password: string): Promise<boolean> {
    const user = await this.users.findOneByOrFail({ id: userId });
    return this.hasher.verify(user.passwordHash, password);
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.users.findOneByOrFail({ id: userId })).mfaEnabled;
  }

  /** Off: secret, last step and recovery codes gone. */
  async disable(userId: string): Promise<void> {
    await this.codes.delete({ userId });
    await this.users.update({ id: userId }, { mfaEnabled: false, mfaSecret: null, mfaLastStep: null });
  }

  /** The administrator turns someone's second factor off (a lost phone); the listeners log it and end their sessions. */
  async reset(actor: Viewer, userId: string): Promise<UserView> {
    const user = (await this.users.find({ where: { id: userId }, relations: { organisation: true } }))[0];
    if (!user) throw new NotFoundException('Deze gebruiker bestaat niet.');
    if (!user.mfaEnabled) throw new ConflictException(MFA_NOT_ON);
    await this.disable(userId);
    Object.assign(user, { mfaEnabled: false, mfaSecret: null, mfaLastStep: null });
    for (const listener of this.resetListeners) await listener({ actor, user });
    return toUserView(user);
  }

  /** Told when an administrator resets a second factor: NetworksService logs it, AuthService ends the user's sessions. */
  onReset(listener: (reset: MfaReset) => Promise<void>): void {
    this.resetListeners.push(listener);
  }

  /**
   * The code for the current time step (or one either side), if that step is later than the last one
   * used. The step is claimed with a conditional update, so the same code sent twice at once passes once.
   */
  private async checkTotp(user: User, code: string): Promise<boolean> {
    if (!user.mfaSecret || !/^\d{6}$/.test(code)) return false;
    const result = await otplib().verify({
      secret: this.box.open(user.mfaSecret, user.id),
      token: code,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(user.mfaLastStep !== null ? { afterTimeStep: user.mfaLastStep } : {}),
    });
    if (!result.valid || !('timeStep' in result)) return false;
    const claim = await this.users
      .createQueryBuilder()
      .update(User)
      .set({ mfaLastStep: result.timeStep })
      .where('id = :id AND ("mfaLastStep" IS NULL OR "mfaLastStep" < :step)', { id: user.id, step: result.timeStep })
      .execute();
    return claim.affected === 1;
  }
}

function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((byte) => RECOVERY_ALPHABET[byte & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

let loadedOtplib: typeof import('otplib') | undefined;
/** otplib, loaded at the first second-factor step rather than when the app starts (issue #15, cold start). */
function otplib(): typeof import('otplib') {
  loadedOtplib ??= require('otplib') as typeof import('otplib');
  return loadedOtplib;
}
