import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { FreeText } from './free-text';
import type { CovenantRole, DisclosureContext, DisclosureLevel } from './enums';
import { IsDisclosureMatrix } from './validators';

export type DisclosureMatrix = Record<CovenantRole, Record<DisclosureContext, DisclosureLevel>>;

export interface CovenantSignatureView {
  organisation: { id: string; name: string };
  signatory: string;
  signedOn: string;
  covenantVersion: number;
}

export interface CovenantView {
  version: number;
  levels: DisclosureMatrix;
  retentionMonths: number;
  anonymousQuestionSubmitter: boolean;
  /** Whether this network's coordinator may ask "known in another network?", and this network is searched when another asks (issue #14). */
  knownElsewhereCheck: boolean;
  confidentialityStatement: string;
  signatures: CovenantSignatureView[];
  createdAt: string;
  /** Whether the viewer may change it (the network's coordinator). */
  canEdit: boolean;
}

export class UpdateCovenantDto {
  @IsDisclosureMatrix({ message: 'Vul voor elke rol en elke context een niveau in: FULL, INITIALS, ADDRESS, PSEUDONYM of HIDDEN.' })
  @IsObject({ message: 'Vul de tabel met niveaus per rol en context in.' })
  @IsDefined({ message: 'Vul de tabel met niveaus per rol en context in.' })
  levels!: DisclosureMatrix;

  @Max(240, { message: 'De bewaartermijn mag hoogstens 240 maanden zijn.' })
  @Min(1, { message: 'De bewaartermijn moet minstens 1 maand zijn.' })
  @IsInt({ message: 'Vul de bewaartermijn in als een heel aantal maanden.' })
  retentionMonths!: number;

  @IsBoolean({ message: 'Kies of de vragensteller van een consultatieve vraag anoniem blijft (ja of nee).' })
  anonymousQuestionSubmitter!: boolean;

  /** Left out: stays as it was (off in a new network). */
  @IsBoolean({ message: 'Kies of de vraag "Bekend in een ander netwerk?" mag (ja of nee).' })
  @IsOptional()
  knownElsewhereCheck?: boolean;

  @FreeText()
  @MaxLength(5000, { message: 'De geheimhoudingsverklaring mag hoogstens 5000 tekens hebben.' })
  @MinLength(20, { message: 'Schrijf de geheimhoudingsverklaring uit (minstens 20 tekens).' })
  @IsString({ message: 'Vul de tekst van de geheimhoudingsverklaring in.' })
  confidentialityStatement!: string;
}

export class AddSignatureDto {
  @IsUUID('all', { message: 'Kies de organisatie die tekende.' })
  organisationId!: string;

  @FreeText({ allow: ['NAME'] })
  @MaxLength(120, { message: 'De naam van de ondertekenaar mag hoogstens 120 tekens hebben.' })
  @MinLength(2, { message: 'Vul de naam van de ondertekenaar in.' })
  @IsString({ message: 'Vul de naam van de ondertekenaar in.' })
  signatory!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de datum van ondertekening in als JJJJ-MM-DD.' })
  signedOn!: string;
}

/** The confidentiality statement accepted (by a member for the network, or by a guest for one meeting). */
export interface ConfidentialityAcceptance {
  acceptedAt: string;
  validUntil: string;
}

export interface ConfidentialityView {
  statement: string;
  covenantVersion: number;
  acceptedAt: string | null;
  validUntil: string | null;
  valid: boolean;
}
