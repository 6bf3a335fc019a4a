import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;

export class CreateUserDto {
  @IsString({ message: 'Vul de naam in.' })
  @MinLength(2, { message: 'De naam moet minstens 2 tekens hebben.' })
  @MaxLength(120, { message: 'De naam mag hoogstens 120 tekens hebben.' })
  name!: string;

  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  email!: string;

  @IsString({ message: 'Vul een wachtwoord in.' })
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben.`,
  })
  @MaxLength(200, { message: 'Het wachtwoord mag hoogstens 200 tekens hebben.' })
  password!: string;

  @IsUUID('all', { message: 'Kies een organisatie.' })
  organisationId!: string;

  @IsOptional()
  @IsBoolean({ message: 'Beheerder moet ja of nee zijn.' })
  isAdmin?: boolean;
}

export class UpdateUserDto {
  @IsOptional()
  @IsBoolean({ message: 'Actief moet ja of nee zijn.' })
  active?: boolean;
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  active: boolean;
  organisation: { id: string; name: string };
  createdAt: string;
}
