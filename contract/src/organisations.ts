import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from './enums';

export class CreateOrganisationDto {
  @IsString({ message: 'Vul de naam van de organisatie in.' })
  @MinLength(2, { message: 'De naam van de organisatie moet minstens 2 tekens hebben.' })
  @MaxLength(120, { message: 'De naam van de organisatie mag hoogstens 120 tekens hebben.' })
  name!: string;

  @IsIn(ORGANISATION_KINDS, { message: 'Kies het soort organisatie: formeel, informeel of hybride.' })
  kind!: OrganisationKind;

  @IsOptional()
  @IsString({ message: 'De sector moet tekst zijn.' })
  @MaxLength(80, { message: 'De sector mag hoogstens 80 tekens hebben.' })
  sector?: string;
}

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  sector: string | null;
  createdAt: string;
}
