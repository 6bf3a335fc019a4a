import { IsString, Matches, MaxLength, MinLength, IsEmail } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from './limits';

/**
 * Accounts only their owner controls (issue #11): activation and reset by a link in an e-mail, the
 * owner's own password (checked for strength on the server: zxcvbn-ts, score ≥ 3), a second factor
 * (TOTP with recovery codes) and the owner's sessions. No route lets anyone else set a password.
 */

const PASSWORD_MESSAGES = {
  string: 'Vul een wachtwoord in.',
  min: `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben.`,
  max: 'Het wachtwoord mag hoogstens 200 tekens hebben.',
};

/** A one-time token from a link in an e-mail (activation, reset): base64url, as the API makes it. */
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;
const TOKEN_MESSAGE = 'Deze link is niet (meer) geldig. Vraag een nieuwe aan.';

/** The token of an e-mailed link. */
function IsMailedToken(): PropertyDecorator {
  return (target, key) => {
    Matches(TOKEN, { message: TOKEN_MESSAGE })(target, key);
    IsString({ message: TOKEN_MESSAGE })(target, key);
  };
}

/** A password the owner chooses (the server then checks its strength). */
function IsNewPassword(): PropertyDecorator {
  return (target, key) => {
    MaxLength(200, { message: PASSWORD_MESSAGES.max })(target, key);
    MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGES.min })(target, key);
    IsString({ message: PASSWORD_MESSAGES.string })(target, key);
  };
}

/** POST /api/auth/activate: the owner chooses their password with the token from the activation e-mail. */
export class ActivateAccountDto {
  @IsMailedToken()
  token!: string;

  @IsNewPassword()
  password!: string;
}

/** POST /api/auth/password: a signed-in user changes their own password; their other sessions end. */
export class ChangePasswordDto {
  @MaxLength(200, { message: 'Het huidige wachtwoord is te lang.' })
  @MinLength(1, { message: 'Vul je huidige wachtwoord in.' })
  @IsString({ message: 'Vul je huidige wachtwoord in.' })
  currentPassword!: string;

  @IsNewPassword()
  newPassword!: string;
}

/** POST /api/auth/password-reset: always 202, whether or not the address is known. */
export class PasswordResetRequestDto {
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  email!: string;
}

/** POST /api/auth/password-reset/confirm: a new password with the token from the reset e-mail; every session ends. */
export class PasswordResetConfirmDto {
  @IsMailedToken()
  token!: string;

  @IsNewPassword()
  password!: string;
}

/** A code from the authenticator app (6 digits) or a recovery code (as shown once at enrolment). */
export class MfaCodeDto {
  @Matches(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, { message: 'Vul de zescijferige code uit je app in, of een herstelcode.' })
  @IsString({ message: 'Vul de code uit je app in.' })
  code!: string;
}

/** POST /api/auth/mfa/disable: the password and a current code. */
export class MfaDisableDto extends MfaCodeDto {
  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
  @MinLength(1, { message: 'Vul je wachtwoord in.' })
  @IsString({ message: 'Vul je wachtwoord in.' })
  password!: string;
}

/** POST /api/auth/mfa/setup: a new secret to put in an authenticator app (not active until confirmed). */
export interface MfaSetupView {
  secret: string;
  otpauthUrl: string;
}

/** POST /api/auth/mfa/confirm: MFA is on; the ten recovery codes, shown this once. */
export interface MfaRecoveryCodesView {
  recoveryCodes: string[];
}

/** The state of the user's second factor, in MeView. */
export interface MfaState {
  enabled: boolean;
  /** The MFA_REQUIRED policy asks this user to enrol before they may use anything else. */
  enrolmentRequired: boolean;
}

/** One of the user's active sessions (GET /api/auth/sessions). */
export interface SessionView {
  id: string;
  /** "Chromium 156 op Linux", from the User-Agent; null when unknown. */
  browser: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** The policy that decides who must use a second factor (env MFA_REQUIRED). */
export const MFA_POLICIES = ['off', 'identities', 'all'] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];
