import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FreeText } from './free-text';
import type { CaseView } from './cases';
import type { Recommendation, Severity } from './question-rules';
import {
  ACTION_STATUSES,
  AGENDA_KINDS,
  ATTENDANCE_STATUSES,
  NOT_DONE_REASONS,
  type ActionStatus,
  type AgendaKind,
  type AttendanceStatus,
  type ActionCorrectableField,
  type MeetingStatus,
  type NotDoneReason,
} from './meeting-rules';
import { IsOmittable } from './validators';

export class RepeatDto {
  @Max(12, { message: 'Herhaal hoogstens elke 12 weken.' })
  @Min(1, { message: 'Herhaal minstens elke week.' })
  @IsInt({ message: 'Vul het aantal weken tussen de overleggen in als heel getal.' })
  everyWeeks!: number;

  @Max(26, { message: 'Plan hoogstens 26 overleggen tegelijk.' })
  @Min(2, { message: 'Een reeks heeft minstens 2 overleggen.' })
  @IsInt({ message: 'Vul het aantal overleggen in als heel getal.' })
  count!: number;
}

export class CreateMeetingDto {
  /** Without an offset ("2026-12-01T09:30") the time is Amsterdam time; with an offset or Z it is that instant. */
  @IsDateString({}, { message: 'Vul het begin in als datum en tijd (bijvoorbeeld 2026-12-01T09:30).' })
  startsAt!: string;

  @Max(480, { message: 'Een overleg duurt hoogstens 8 uur.' })
  @Min(15, { message: 'Een overleg duurt minstens 15 minuten.' })
  @IsInt({ message: 'Vul de duur in minuten in.' })
  durationMinutes!: number;

  @FreeText({ allow: ['ADDRESS', 'POSTCODE'] })
  @MaxLength(160, { message: 'De locatie mag hoogstens 160 tekens hebben.' })
  @IsString()
  @IsOmittable()
  location?: string;

  @FreeText()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'De link voor online deelname moet met https:// beginnen.' })
  @IsOmittable()
  onlineUrl?: string;

  @ValidateNested()
  @IsObject({ message: 'Vul de herhaling in met het aantal weken ertussen en het aantal overleggen.' })
  @Type(() => RepeatDto)
  @IsOmittable()
  repeat?: RepeatDto;
}

export class AddAgendaItemDto {
  @IsIn(AGENDA_KINDS, { message: 'Kies het soort agendapunt.' })
  kind!: AgendaKind;

  @IsUUID('all', { message: 'Kies een casus.' })
  @IsOmittable()
  caseId?: string;

  @IsUUID('all', { message: 'Kies een vraag.' })
  @IsOmittable()
  questionId?: string;

  @FreeText()
  @MaxLength(160, { message: 'De titel mag hoogstens 160 tekens hebben.' })
  @IsString()
  @IsOmittable()
  title?: string;

  @Max(240)
  @Min(1, { message: 'Reserveer minstens 1 minuut.' })
  @IsInt({ message: 'Vul het aantal minuten in als heel getal.' })
  @IsOmittable()
  minutes?: number;
}

export class UpdateAgendaItemDto {
  @Min(0)
  @IsInt({ message: 'De positie moet een heel getal zijn.' })
  @IsOmittable()
  position?: number;

  @FreeText()
  @MaxLength(8000, { message: 'De aantekeningen mogen hoogstens 8000 tekens hebben.' })
  @IsString()
  @IsOmittable()
  notes?: string;

  @FreeText()
  @MaxLength(8000, { message: 'De afspraken mogen hoogstens 8000 tekens hebben.' })
  @IsString()
  @IsOmittable()
  decisions?: string;

  @Max(240)
  @Min(1)
  @IsInt()
  @IsOmittable()
  minutes?: number;

  /** A case item: put the case on the next meeting's agenda again when it is assembled. */
  @IsBoolean({ message: 'Kies of de casus op de agenda blijft.' })
  @IsOmittable()
  keepOnAgenda?: boolean;

  /** The version this change is based on; a stale version gives 409. */
  @Min(1)
  @IsInt({ message: 'Stuur de versie mee waarop je wijziging is gebaseerd.' })
  version!: number;
}

export class AttendanceEntryDto {
  @IsUUID('all', { message: 'Kies een organisatie.' })
  organisationId!: string;

  @IsIn(ATTENDANCE_STATUSES, { message: 'Kies aanwezig, afwezig of afgemeld.' })
  status!: AttendanceStatus;

  @IsUUID('all', { each: true, message: 'Kies de aanwezige personen uit de lijst.' })
  @ArrayMaxSize(50)
  @IsArray()
  userIds!: string[];
}

export class AttendanceDto {
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'Geef de aanwezigheid per organisatie op.' })
  @ArrayMaxSize(200, { message: 'Geef de aanwezigheid van hoogstens 200 organisaties op.' })
  @IsArray({ message: 'Geef de aanwezigheid per organisatie op.' })
  @Type(() => AttendanceEntryDto)
  attendance!: AttendanceEntryDto[];
}

export class CreateActionDto {
  @FreeText()
  @MaxLength(1000, { message: 'De omschrijving mag hoogstens 1000 tekens hebben.' })
  @MinLength(3, { message: 'Omschrijf de actie: wat moet er gebeuren?' })
  @IsString({ message: 'Omschrijf de actie: wat moet er gebeuren?' })
  description!: string;

  @IsUUID('all', { message: 'Elke actie heeft één organisatie die hem uitvoert. Kies de organisatie.' })
  ownerOrganisationId!: string;

  @IsUUID('all', { message: 'Kies de persoon uit de lijst.' })
  @IsOmittable()
  ownerUserId?: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de uiterste datum in als JJJJ-MM-DD.' })
  dueDate!: string;
}

/**
 * PATCH /api/meetings/:id: a planned meeting moved or changed (issue #14); what is not given stays.
 * An empty location removes it. Everyone invited gets the changed invitation (a higher SEQUENCE).
 */
export class UpdateMeetingDto {
  /** Without an offset ("2026-12-01T09:30") the time is Amsterdam time. */
  @IsDateString({}, { message: 'Vul het begin in als datum en tijd (bijvoorbeeld 2026-12-01T09:30).' })
  @IsOmittable()
  startsAt?: string;

  @Max(480, { message: 'Een overleg duurt hoogstens 8 uur.' })
  @Min(15, { message: 'Een overleg duurt minstens 15 minuten.' })
  @IsInt({ message: 'Vul de duur in minuten in.' })
  @IsOmittable()
  durationMinutes?: number;

  @FreeText({ allow: ['ADDRESS', 'POSTCODE'] })
  @MaxLength(160, { message: 'De locatie mag hoogstens 160 tekens hebben.' })
  @IsString()
  @IsOmittable()
  location?: string;

  /** An empty string removes the link (the meeting is no longer online). */
  @FreeText()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'De link voor online deelname moet met https:// beginnen.' })
  @ValidateIf((_object, value) => value !== undefined && value !== '')
  onlineUrl?: string;
}

export class CancelMeetingDto {
  @FreeText()
  @MaxLength(500, { message: 'De reden mag hoogstens 500 tekens hebben.' })
  @MinLength(3, { message: 'Vul in waarom het overleg niet doorgaat.' })
  @IsString({ message: 'Vul in waarom het overleg niet doorgaat.' })
  reason!: string;
}

/**
 * A status change (status, note, notDoneReason) and/or a correction (description, dueDate, owner).
 * Corrections are kept in the history as their own entry; a due date in the past is refused.
 */
export class UpdateActionDto {
  @IsIn(ACTION_STATUSES, { message: 'Kies een geldige status.' })
  @IsOmittable()
  status?: ActionStatus;

  @FreeText()
  @MaxLength(2000, { message: 'De toelichting mag hoogstens 2000 tekens hebben.' })
  @IsString()
  @IsOmittable()
  note?: string;

  @IsIn(NOT_DONE_REASONS, { message: 'Kies waarom de actie niet is uitgevoerd.' })
  @IsOmittable()
  notDoneReason?: NotDoneReason;

  @FreeText()
  @MaxLength(1000, { message: 'De omschrijving mag hoogstens 1000 tekens hebben.' })
  @MinLength(3, { message: 'Omschrijf de actie: wat moet er gebeuren?' })
  @IsString({ message: 'Omschrijf de actie: wat moet er gebeuren?' })
  @IsOmittable()
  description?: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de uiterste datum in als JJJJ-MM-DD.' })
  @IsOmittable()
  dueDate?: string;

  @IsUUID('all', { message: 'Elke actie heeft één organisatie die hem uitvoert. Kies de organisatie.' })
  @IsOmittable()
  ownerOrganisationId?: string;

  /** The owning person; null clears it. */
  @IsUUID('all', { message: 'Kies de persoon uit de lijst.' })
  @ValidateIf((_o, value) => value !== null && value !== undefined)
  ownerUserId?: string | null;

  @Min(1)
  @IsInt({ message: 'Stuur de versie mee waarop je wijziging is gebaseerd.' })
  version!: number;
}

export class InviteGuestDto {
  @IsUUID('all', { message: 'Kies de gast.' })
  userId!: string;

  @IsUUID('all', { each: true, message: 'Kies de agendapunten waarvoor de gast komt.' })
  @ArrayMaxSize(50)
  @IsArray({ message: 'Kies de agendapunten waarvoor de gast komt.' })
  itemIds!: string[];
}

export interface ActionHistoryView {
  at: string;
  by: string | null;
  /** STATUS: a status change; CORRECTION: description, due date or owner corrected (see `corrected`). */
  kind: 'STATUS' | 'CORRECTION';
  status: ActionStatus;
  note: string | null;
  notDoneReason: NotDoneReason | null;
  /** For a correction: what changed, each with the value before and after (owner as organisation/person names). */
  corrected: { field: ActionCorrectableField; from: string; to: string }[];
}

export interface ActionView {
  id: string;
  networkId: string;
  networkName: string;
  meetingId: string | null;
  agendaItemId: string | null;
  /** The case only by number and pseudonym: enough to recognise it, nothing identifying. */
  case: { id: string; label: string } | null;
  description: string;
  owner: { organisation: { id: string; name: string }; user: { id: string; name: string } | null };
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
  notDoneReason: NotDoneReason | null;
  note: string | null;
  version: number;
  history: ActionHistoryView[];
  canUpdate: boolean;
  /**
   * Only in the answer to the coordinator who just assigned the action (created, or corrected its
   * owner): the owning organisation now carries more open actions than the capacity it recorded
   * (issue #13). A warning, never a refusal; null everywhere else.
   */
  capacityWarning: CapacityWarning | null;
}

/** The owning organisation's open actions in the network (this one included) against the capacity it recorded. */
export interface CapacityWarning {
  organisation: { id: string; name: string };
  open: number;
  capacity: number;
}

export interface AgendaItemView {
  id: string;
  position: number;
  kind: AgendaKind;
  title: string;
  minutes: number | null;
  notes: string;
  decisions: string;
  version: number;
  /** A case item: the case as this viewer may see it in this meeting's state. */
  case: CaseView | null;
  /** A case item: put on the next agenda again at assembly. */
  keepOnAgenda: boolean;
  /**
   * A question item: the question's text and, once answered, the advice — so that live mode records the
   * answer in place (POST /api/questions/:id/answer) instead of on the question's own page.
   */
  question: {
    id: string;
    title: string;
    status: string;
    situation: string;
    question: string;
    answer: { advice: string; severity: Severity; recommendation: Recommendation; answeredAt: string } | null;
    canAnswer: boolean;
  } | null;
  actions: ActionView[];
}

export interface AttendanceView {
  organisation: { id: string; name: string };
  status: AttendanceStatus | null;
  people: { id: string; name: string }[];
}

export interface MeetingView {
  id: string;
  networkId: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  /** Why the meeting was cancelled (status CANCELLED), else null. */
  cancelledReason: string | null;
  /** Whether the case items are shown at the MEETING level to this viewer now. */
  meetingLevel: boolean;
  canManage: boolean;
  /** The minutes are approved: the record (attendance included) is locked and the meeting cannot reopen. */
  locked: boolean;
  /** Set when the viewer is a guest: only their items are on their agenda. */
  guest: { confidentialityValid: boolean } | null;
  guests: { user: { id: string; name: string }; itemIds: string[] }[];
  agenda: AgendaItemView[];
  attendance: AttendanceView[];
}

export interface MeetingSummaryView {
  id: string;
  networkId: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  cancelledReason: string | null;
}

/** One meeting planned, or a series (repeat): one summary per meeting. */
export type PlannedMeetings = MeetingSummaryView | MeetingSummaryView[];

/** A user of another organisation whom the coordinator may invite as a guest, found by e-mail address. */
export interface GuestCandidateView {
  id: string;
  name: string;
  organisation: string;
}

/** A personal calendar feed: the secret token and the address of the .ics file (shown once). */
export interface CalendarLinkView {
  token: string;
  url: string;
}
