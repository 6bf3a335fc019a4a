import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { FreeText } from './free-text';
import type { Consent, NetworkKind, ProblemArea, Urgency } from './enums';

/**
 * Between networks (issue #14): a warm handover of a case to another network of the installation
 * (a referral), and the question whether a client is known in another network. Neither shows a
 * client's identity: the receiving coordinator sees the pseudonym, problem areas, urgency and the
 * reason until they accept, and the identity moves only with consent (or an OGGZ override with a reason).
 */

export const REFERRAL_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** POST /api/cases/:id/referrals: the coordinator hands the case over to another network. */
export class CreateReferralDto {
  @IsUUID('all', { message: 'Kies het netwerk waarnaar je de casus doorverwijst.' })
  toNetworkId!: string;

  @FreeText()
  @MaxLength(2000, { message: 'De reden mag hoogstens 2000 tekens hebben.' })
  @MinLength(10, { message: 'Leg uit waarom de casus beter past bij het andere netwerk (minstens 10 tekens).' })
  @IsString({ message: 'Leg uit waarom de casus beter past bij het andere netwerk.' })
  reason!: string;
}

/** POST /api/referrals/:id/decline: the receiving coordinator says why not. */
export class DeclineReferralDto {
  @FreeText()
  @MaxLength(2000, { message: 'De reden mag hoogstens 2000 tekens hebben.' })
  @MinLength(5, { message: 'Geef een reden: het verwijzende netwerk krijgt die te zien (minstens 5 tekens).' })
  @IsString({ message: 'Geef een reden: het verwijzende netwerk krijgt die te zien.' })
  reason!: string;
}

/** POST /api/cases/:id/known-elsewhere: why the coordinator asks (logged in both networks). */
export class KnownElsewhereDto {
  @FreeText()
  @MaxLength(500, { message: 'Het doel mag hoogstens 500 tekens hebben.' })
  @MinLength(10, { message: 'Beschrijf waarvoor je het wilt weten (minstens 10 tekens); het komt in de toegangslogboeken.' })
  @IsString({ message: 'Beschrijf waarvoor je het wilt weten; het komt in de toegangslogboeken.' })
  purpose!: string;
}

/** Another network of the installation, as a coordinator may choose it for a referral. */
export interface ReferralTargetView {
  id: string;
  name: string;
  kind: NetworkKind;
}

/**
 * A referral as one of the two coordinators sees it. `direction` says which side the viewer is on:
 * OUTGOING (their network referred the case; `caseId` is their own case) or INCOMING (their network
 * is asked to take it over; no case of the other network is named, only its pseudonym, and
 * `newCaseId` is their own new case once accepted). Never an identity.
 */
export interface ReferralView {
  id: string;
  direction: 'OUTGOING' | 'INCOMING';
  status: ReferralStatus;
  fromNetwork: { id: string; name: string };
  toNetwork: { id: string; name: string };
  /** The source case, for the referring network only. */
  caseId: string | null;
  /** The pseudonym of the source case ("mevrouw Linde"): what the receiving coordinator may know before accepting. */
  pseudonym: string;
  problemAreas: ProblemArea[];
  urgency: Urgency;
  /** Whether the identity may move on acceptance (consent given, or an OGGZ override with a reason). */
  identityMoves: boolean;
  consent: Consent;
  reason: string;
  createdAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  /** The receiving network's new case, for the receiving network only, once accepted. */
  newCaseId: string | null;
  /** Whether the identity moved with it (set on acceptance). */
  identityMoved: boolean | null;
  /** Whether the viewer may accept or decline it now. */
  canDecide: boolean;
}

/** The answer to "Bekend in een ander netwerk?": yes, whom to contact, or no. Never a case, never an identity. */
export interface KnownElsewhereView {
  known: boolean;
  networks: {
    id: string;
    name: string;
    coordinators: { name: string; email: string; organisation: string }[];
  }[];
}
