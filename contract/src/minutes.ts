import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FreeText } from './free-text';
import type { ClientView } from './cases';
import type { CovenantRole, DisclosureLevel } from './enums';
import type { AttendanceStatus } from './meeting-rules';
import type { ActionView } from './meetings';
import { IsOmittable } from './validators';

export const MINUTES_STATUSES = ['DRAFT', 'SENT', 'APPROVED'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export class MinutesSectionTextDto {
  @IsString()
  @MaxLength(40)
  id!: string;

  @FreeText()
  @MaxLength(20000, { message: 'Een onderdeel mag hoogstens 20000 tekens hebben.' })
  @IsString({ message: 'De tekst van een onderdeel moet tekst zijn.' })
  text!: string;
}

export class UpdateMinutesDto {
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'Stuur elk onderdeel van het verslag mee met zijn id en tekst.' })
  @Type(() => MinutesSectionTextDto)
  @ArrayMaxSize(200)
  @IsArray({ message: 'Stuur de onderdelen van het verslag mee.' })
  sections!: MinutesSectionTextDto[];

  @Min(1)
  @IsInt({ message: 'Stuur de versie mee waarop je wijziging is gebaseerd.' })
  version!: number;
}

export class MinutesCommentDto {
  @IsString()
  @MaxLength(40)
  sectionId!: string;

  @FreeText()
  @MaxLength(4000, { message: 'Een opmerking mag hoogstens 4000 tekens hebben.' })
  @MinLength(2, { message: 'Schrijf een opmerking.' })
  @IsString({ message: 'Schrijf een opmerking.' })
  text!: string;
}

export class ApproveMinutesDto {
  @FreeText()
  /** Needed when the minutes are not approved as the first item of a running later meeting. */
  @MaxLength(2000)
  @IsString()
  @IsOmittable()
  reason?: string;
}

export class AddendumDto {
  @FreeText()
  @MaxLength(8000, { message: 'Een aanvulling mag hoogstens 8000 tekens hebben.' })
  @MinLength(5, { message: 'Schrijf de aanvulling of correctie uit.' })
  @IsString({ message: 'Schrijf de aanvulling of correctie uit.' })
  text!: string;
}

export interface MinutesSectionView {
  id: string;
  /** Contiguous for this reader: sections they may not see are left out without a gap. */
  number: number;
  title: string;
  text: string;
  /** A case section: the client at this reader's MINUTES level under the meeting's covenant version. */
  client: ClientView | null;
  comments: { id: string; author: string; organisation: string; text: string; createdAt: string; resolved: boolean }[];
}

export interface MinutesView {
  meetingId: string;
  networkId: string;
  networkName: string;
  status: MinutesStatus;
  version: number;
  covenantVersion: number;
  meeting: { startsAt: string; location: string | null; chair: string | null; minuteTaker: string | null; nextMeeting: string | null };
  attendance: { organisation: string; status: AttendanceStatus | null; people: string[] }[];
  sections: MinutesSectionView[];
  actions: ActionView[];
  carriedOver: ActionView[];
  addenda: { id: string; text: string; createdAt: string; author: string | null }[];
  approvedAt: string | null;
  approvalReason: string | null;
  /** SHA-256 of the canonical content (identity-free; includes the addenda). */
  sha256: string;
  /** The reader's own level in the minutes, and why, in Dutch: what the PDF says it was made for (a case may show less). */
  readerLevel: { level: DisclosureLevel; explanation: string };
  /** The reader's role in the network (for the access log of an export). */
  readerRole: CovenantRole;
  can: { edit: boolean; send: boolean; comment: boolean; approve: boolean; addendum: boolean };
}

/** The minutes approved and locked: when, the hash of their content, and the covenant version they were made under. */
export interface MinutesApproval {
  approvedAt: string;
  sha256: string;
  covenantVersion: number;
}
