import { IsBoolean, IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { PASSWORD_MIN_LENGTH } from './limits';
import { IsOmittable } from './validators';

export { PASSWORD_MIN_LENGTH };
/**
 * POST /api/users: a new account without a password (issue #11). The owner receives an activation
 * mail and chooses the password; a `password` field is refused (400) like any unknown field.
 */
export class CreateUserDto {
  @MaxLength(120, { message: 'De naam mag hoogstens 120 tekens hebben.' })
  @MinLength(2, { message: 'De naam moet minstens 2 tekens hebben.' })
  @IsString({ message: 'Vul de naam in.' })
  name!: string;

  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  email!: string;

  @IsUUID('all', { message: 'Kies een organisatie.' })
  organisationId!: string;

  @IsBoolean({ message: 'Beheerder moet ja of nee zijn.' })
  @IsOmittable()
  isAdmin?: boolean;
}

export class UpdateUserDto {
  @IsBoolean({ message: 'Actief moet ja of nee zijn.' })
  @IsOmittable()
  active?: boolean;
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  active: boolean;
  /** The owner has chosen a password with the activation link; until then the account cannot log in. */
  activated: boolean;
  /** A second factor (TOTP) is on for this account. */
  mfaEnabled: boolean;
  organisation: { id: string; name: string };
  createdAt: string;
}
