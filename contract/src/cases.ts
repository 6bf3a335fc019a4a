import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FreeText } from './free-text';
import {
  CASE_STATUSES,
  CONSENTS,
  PROBLEM_AREAS,
  URGENCIES,
  type CaseStatus,
  type Consent,
  type DisclosureLevel,
  type ProblemArea,
  type Urgency,
} from './enums';
import { IsOmittable } from './validators';

/** The client's identity, given once at intake; stored encrypted, apart from the case. */
export class ClientIdentityDto {
  @MaxLength(80, { message: 'De voornaam mag hoogstens 80 tekens hebben.' })
  @MinLength(1, { message: 'Vul de voornaam van de cliënt in.' })
  @IsString({ message: 'Vul de voornaam van de cliënt in.' })
  givenName!: string;

  @MaxLength(120, { message: 'De achternaam mag hoogstens 120 tekens hebben.' })
  @MinLength(1, { message: 'Vul de achternaam van de cliënt in (met tussenvoegsel, bijvoorbeeld "de Vries").' })
  @IsString({ message: 'Vul de achternaam van de cliënt in (met tussenvoegsel, bijvoorbeeld "de Vries").' })
  surname!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de geboortedatum in als JJJJ-MM-DD.' })
  dateOfBirth!: string;

  @MaxLength(120, { message: 'De straatnaam mag hoogstens 120 tekens hebben.' })
  @MinLength(2, { message: 'Vul de straat in.' })
  @IsString({ message: 'Vul de straat in.' })
  street!: string;

  @Matches(/^\d{1,5}\s?[A-Za-z]{0,4}(?:[-\s]?\w{1,6})?$/, {
    message: 'Vul het huisnummer in, eventueel met toevoeging (bijvoorbeeld 14 of 14-bis).',
  })
  houseNumber!: string;

  @Matches(/^[1-9]\d{3}\s?[A-Za-z]{2}$/, { message: 'Vul een Nederlandse postcode in, bijvoorbeeld 3812 AB.' })
  postcode!: string;

  @MaxLength(80, { message: 'De woonplaats mag hoogstens 80 tekens hebben.' })
  @MinLength(2, { message: 'Vul de woonplaats in.' })
  @IsString({ message: 'Vul de woonplaats in.' })
  city!: string;

  @Matches(/^(\+31|0031|0)[\s-]?[1-9](?:[\s-]?\d){8}$/, {
    message: 'Vul een Nederlands telefoonnummer in, bijvoorbeeld 06 12345678, of laat het leeg.',
  })
  @IsOmittable()
  phone?: string;
}

export class CreateCaseDto {
  @ValidateNested({ message: 'Vul de gegevens van de cliënt in.' })
  @IsObject({ message: 'Vul de gegevens van de cliënt in.' })
  @IsDefined({ message: 'Vul de gegevens van de cliënt in.' })
  @Type(() => ClientIdentityDto)
  client!: ClientIdentityDto;

  @FreeText()
  @MaxLength(80, { message: 'De buurt mag hoogstens 80 tekens hebben.' })
  @MinLength(2, { message: 'Vul de buurt of wijk in.' })
  @IsString({ message: 'Vul de buurt of wijk in.' })
  neighbourhood!: string;

  @IsIn(PROBLEM_AREAS, { each: true, message: 'Kies de leefgebieden uit de lijst.' })
  @ArrayMaxSize(PROBLEM_AREAS.length, { message: 'Kies elk leefgebied hoogstens één keer.' })
  @ArrayMinSize(1, { message: 'Kies minstens één leefgebied waarop problemen spelen.' })
  @IsArray({ message: 'Kies minstens één leefgebied waarop problemen spelen.' })
  problemAreas!: ProblemArea[];

  @IsIn(URGENCIES, { message: 'Kies de urgentie: laag, gemiddeld, hoog of acuut.' })
  urgency!: Urgency;

  @IsIn(CONSENTS, { message: 'Kies of de cliënt toestemming gaf.' })
  consent!: Consent;

  @FreeText()
  /** Required with OVERRIDE_OGGZ: why the problem outweighs the client's privacy. */
  @MaxLength(2000, { message: 'De onderbouwing mag hoogstens 2000 tekens hebben.' })
  @IsString({ message: 'De onderbouwing moet tekst zijn.' })
  @IsOmittable()
  consentOverrideReason?: string;

  @FreeText()
  @MaxLength(4000, { message: 'De samenvatting mag hoogstens 4000 tekens hebben.' })
  @MinLength(10, { message: 'Beschrijf de situatie kort (minstens 10 tekens).' })
  @IsString({ message: 'Beschrijf de situatie kort.' })
  summary!: string;
}

export class UpdateCaseStatusDto {
  @IsIn(CASE_STATUSES, { message: 'Kies een geldige status.' })
  status!: CaseStatus;

  @FreeText()
  @MaxLength(2000, { message: 'De reden mag hoogstens 2000 tekens hebben.' })
  @IsString({ message: 'De reden moet tekst zijn.' })
  @IsOmittable()
  reason?: string;
}

export class CaseListQuery {
  @IsIn(CASE_STATUSES, { message: 'Kies een geldige status.' })
  @IsOptional()
  status?: CaseStatus;

  @IsIn(URGENCIES, { message: 'Kies een geldige urgentie.' })
  @IsOptional()
  urgency?: Urgency;

  @IsIn(PROBLEM_AREAS, { message: 'Kies een geldig leefgebied.' })
  @IsOptional()
  problemArea?: ProblemArea;

  @MaxLength(80, { message: 'De buurt mag hoogstens 80 tekens hebben.' })
  @IsString()
  @IsOptional()
  neighbourhood?: string;

  /** Case number, pseudonym, or (for viewers who may see full names) an exact surname. */
  @MaxLength(120, { message: 'De zoekterm mag hoogstens 120 tekens hebben.' })
  @IsString()
  @IsOptional()
  q?: string;

  @Max(10_000)
  @Min(1, { message: 'De pagina moet 1 of hoger zijn.' })
  @IsInt({ message: 'De pagina moet een heel getal zijn.' })
  @Type(() => Number)
  @IsOptional()
  page?: number;
}

/** The client as this viewer may see them: only the fields their level allows are present. */
export interface ClientView {
  level: Exclude<DisclosureLevel, 'HIDDEN'>;
  /** What to call the client on screen at this level: "Jan de Vries", "J. de V.", "3812 AB 14" or "Casus 2026-014 · Linde". */
  displayName: string;
  neighbourhood: string;
  givenName?: string;
  surname?: string;
  initials?: string;
  dateOfBirth?: string;
  birthYear?: number;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  city?: string;
  phone?: string;
  /** True when the identity was erased after the retention period. */
  erased?: boolean;
}

export interface CaseView {
  id: string;
  networkId: string;
  number: string;
  pseudonym: string;
  status: CaseStatus;
  statusReason: string | null;
  urgency: Urgency;
  consent: Consent;
  consentOverrideReason: string | null;
  problemAreas: ProblemArea[];
  summary: string;
  submittedBy: { organisation: { id: string; name: string }; isYou: boolean };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The consultative question the case grew out of; its advice is on the question. */
  sourceQuestionId: string | null;
  client: ClientView;
  /** Why this viewer sees this level: a Dutch sentence ("Waarom zie ik dit?"). */
  explanation: string;
  /** The status changes this viewer may make now. */
  allowedTransitions: CaseStatus[];
}

export interface CaseListView {
  items: CaseView[];
  total: number;
  page: number;
  pageSize: number;
}

export { CASE_TRANSITIONS, STATUSES_NEEDING_REASON } from './case-rules';
