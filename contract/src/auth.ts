import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { NetworkKind, NetworkRole } from './enums';

export class LoginDto {
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  email!: string;

  @IsString({ message: 'Vul je wachtwoord in.' })
  @MinLength(1, { message: 'Vul je wachtwoord in.' })
  @MaxLength(200, { message: 'Het wachtwoord is te lang.' })
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
}

export interface LoginResponse {
  user: MeView;
}
