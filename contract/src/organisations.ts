import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from './enums';
import { IsOmittable } from './validators';

export class CreateOrganisationDto {
  @MaxLength(120, { message: 'De naam van de organisatie mag hoogstens 120 tekens hebben.' })
  @MinLength(2, { message: 'De naam van de organisatie moet minstens 2 tekens hebben.' })
  @IsString({ message: 'Vul de naam van de organisatie in.' })
  name!: string;

  @IsIn(ORGANISATION_KINDS, { message: 'Kies het soort organisatie: formeel, informeel, hybride of overheid.' })
  kind!: OrganisationKind;

  @MaxLength(80, { message: 'De sector mag hoogstens 80 tekens hebben.' })
  @IsString({ message: 'De sector moet tekst zijn.' })
  @IsOmittable()
  sector?: string;
}

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  sector: string | null;
  createdAt: string;
}
