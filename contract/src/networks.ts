import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { NETWORK_KINDS, NETWORK_ROLES, RINGS, type NetworkKind, type NetworkRole, type OrganisationKind, type Ring } from './enums';
import { IsOmittable } from './validators';

/**
 * Decorators run bottom-up and validation stops at the first failure, so the presence check of each
 * field stands last: a missing field gets "vul … in", not a length message.
 */
export class CreateNetworkDto {
  @MaxLength(120, { message: 'De naam van het netwerk mag hoogstens 120 tekens hebben.' })
  @MinLength(3, { message: 'De naam van het netwerk moet minstens 3 tekens hebben.' })
  @IsString({ message: 'Vul de naam van het netwerk in.' })
  name!: string;

  @IsIn(NETWORK_KINDS, { message: 'Kies het soort netwerk: OGGZ-netwerk of buurtnetwerk.' })
  kind!: NetworkKind;

  @MaxLength(120, { message: 'Het werkgebied mag hoogstens 120 tekens hebben.' })
  @MinLength(2, { message: 'Vul het werkgebied in (bijvoorbeeld een wijk of gemeente).' })
  @IsString({ message: 'Vul het werkgebied in (bijvoorbeeld een wijk of gemeente).' })
  area!: string;
}

export class AddMemberDto {
  @IsUUID('all', { message: 'Kies een organisatie.' })
  organisationId!: string;

  @IsIn(RINGS, { message: 'Kies de ring: kern of schil.' })
  ring!: Ring;

  /** Date of joining (YYYY-MM-DD); today when left out. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de datum van toetreden in als JJJJ-MM-DD.' })
  @IsOmittable()
  since?: string;
}

export class AssignRoleDto {
  @IsUUID('all', { message: 'Kies een gebruiker.' })
  userId!: string;

  @IsIn(NETWORK_ROLES, {
    message: 'Kies een rol: coördinator, kernpartner, schilpartner, vertegenwoordiger vrijwilligersorganisatie of gemeente.',
  })
  role!: NetworkRole;
}

export interface NetworkView {
  id: string;
  name: string;
  kind: NetworkKind;
  area: string;
  createdAt: string;
  /** The viewer's role in this network; null for an administrator without a role. */
  myRole: NetworkRole | null;
  /** Whether the viewer may change members and roles. */
  canManage: boolean;
}

/** The highest capacity one organisation can record: more open actions than that is no protection. */
export const MAX_CAPACITY = 999;

/**
 * How many open actions an informal or hybrid organisation can carry in this network (issue #13):
 * a whole number, or null for "not recorded". Set by the coordinator or by the organisation's own people.
 */
export class UpdateMemberDto {
  @Max(MAX_CAPACITY, { message: `Vul een capaciteit van hoogstens ${MAX_CAPACITY} open acties in.` })
  @Min(0, { message: 'De capaciteit kan niet negatief zijn.' })
  @IsInt({ message: 'Vul de capaciteit in als een heel aantal open acties, of laat hem leeg.' })
  @ValidateIf((_, value) => value !== null)
  capacity!: number | null;
}

export interface MemberView {
  organisation: { id: string; name: string; kind: OrganisationKind; sector: string | null };
  ring: Ring;
  since: string;
  /** How many open actions the organisation can carry here; null when not recorded (always null for a formal organisation). */
  capacity: number | null;
}

export interface RoleView {
  user: { id: string; name: string; email: string };
  organisation: { id: string; name: string };
  role: NetworkRole;
  since: string;
}

/**
 * Who still needs access (BIO 5.18.02, issue #11): the coordinator confirms the network's roles once a
 * year; role holders who have not signed in for six months are named so that the coordinator can ask.
 */
export interface RoleReviewView {
  /** When the coordinator last confirmed the roles, and who; null when never. */
  confirmedAt: string | null;
  confirmedBy: string | null;
  /** A year after the last confirmation (or now, when never confirmed). */
  dueAt: string;
  overdue: boolean;
  /** Role holders without a sign-in for six months (or never signed in). */
  inactive: { userId: string; name: string; organisation: string; role: NetworkRole; lastSignInAt: string | null }[];
}
