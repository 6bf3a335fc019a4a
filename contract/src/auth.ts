import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { MfaState } from './account';
import type { NetworkKind, NetworkRole } from './enums';

export class LoginDto {
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  email!: string;

  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
  @MinLength(1, { message: 'Vul je wachtwoord in.' })
  @IsString({ message: 'Vul je wachtwoord in.' })
  password!: string;
}

export interface MeNetwork {
  id: string;
  name: string;
  kind: NetworkKind;
  role: NetworkRole;
}

export interface MeView {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  organisation: { id: string; name: string };
  networks: MeNetwork[];
  /** Meetings the user is invited to as a guest (outside their own networks). */
  guestMeetings: { id: string; networkId: string; startsAt: string }[];
  /** The second factor: on or not, and whether the MFA_REQUIRED policy makes this user enrol before anything else. */
  mfa: MfaState;
}

/**
 * POST /api/auth/login (and /api/auth/mfa/verify): signed in, or — when the account uses a second
 * factor — only half: the session may then call nothing but POST /api/auth/mfa/verify and logout.
 */
export type LoginResponse = { user: MeView; mfaRequired?: false } | { mfaRequired: true };
