import type { IdentifyingKind } from './question-rules';

/**
 * Free text that a user writes and other people read. The API's identity guard checks every field
 * marked with @FreeText() before anything is stored: no identifying data of any kind, and no value
 * of a client of the network whom the writer may see (issue #9). A client's identity lives only in
 * its encrypted record, never in free text.
 *
 * A string property of a request DTO is either marked @FreeText() or listed in
 * NOT_FREE_TEXT with the reason it need not be guarded; a test fails on any other.
 */
export interface FreeTextOptions {
  /**
   * Kinds of identifying data the field may legitimately hold, e.g. a meeting location holds the
   * address of a community centre, a covenant signatory the name of a partner's director. The check
   * against the network's own clients (surname, street, postcode, phone, date of birth) still applies.
   */
  allow?: IdentifyingKind[];
}

const registry = new Map<object, Map<string, FreeTextOptions>>();

export function FreeText(options: FreeTextOptions = {}): PropertyDecorator {
  return (target, property) => {
    const owner = target.constructor;
    if (!registry.has(owner)) registry.set(owner, new Map());
    registry.get(owner)!.set(String(property), options);
  };
}

/** The @FreeText() properties of a DTO class, its parents' included. */
export function freeTextFields(dtoClass: object): Map<string, FreeTextOptions> {
  const fields = new Map<string, FreeTextOptions>();
  for (let c: object | null = dtoClass; c && c !== Object && c !== Function.prototype; c = Object.getPrototypeOf(c) as object | null) {
    for (const [property, options] of registry.get(c) ?? []) if (!fields.has(property)) fields.set(property, options);
  }
  return fields;
}

/**
 * String properties of request DTOs that are not free text, each with the reason. Keyed
 * "ClassName.property". Adding a string property to a DTO means deciding: @FreeText() or a line here.
 */
export const NOT_FREE_TEXT: Record<string, string> = {
  'LoginDto.email': 'an e-mail address of the person signing in; not stored as text others read',
  'LoginDto.password': 'a password: hashed, never shown',
  'CreateUserDto.name': "a professional's own name, set by the administrator (names of users are not client data)",
  'CreateUserDto.email': "a professional's e-mail address",
  'CreateUserDto.organisationId': 'an id (UUID)',
  'CreateOrganisationDto.name': 'the name of an organisation (not personal data)',
  'CreateOrganisationDto.sector': 'the sector of an organisation',
  'CreateNetworkDto.name': 'the name of a network, set by the administrator who sees no client data',
  'CreateNetworkDto.area': 'the area a network covers (a municipality or district)',
  'AddMemberDto.organisationId': 'an id (UUID)',
  'AddMemberDto.since': 'a date (pattern-checked)',
  'AssignRoleDto.userId': 'an id (UUID)',
  'ClientIdentityDto.givenName': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.surname': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.dateOfBirth': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.street': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.houseNumber': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.postcode': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.city': "the client's identity itself: stored only in the encrypted identity record",
  'ClientIdentityDto.phone': "the client's identity itself: stored only in the encrypted identity record",
  'CaseListQuery.q': 'a search term: never stored; a surname matches only where the viewer sees the full name',
  'CaseListQuery.neighbourhood': 'a filter value: never stored',
  'ScanTextDto.text': 'the live check itself: scanned, never stored',
  'AccessLogQuery.caseId': 'a filter value (UUID): never stored',
  'AccessLogQuery.from': 'a filter date (pattern-checked): never stored',
  'AccessLogQuery.to': 'a filter date (pattern-checked): never stored',
  'CreateMeetingDto.startsAt': 'a date-time (pattern-checked)',
  'UpdateMeetingDto.startsAt': 'a date-time (pattern-checked)',
  'AddAgendaItemDto.caseId': 'an id (UUID)',
  'AddAgendaItemDto.questionId': 'an id (UUID)',
  'AttendanceEntryDto.organisationId': 'an id (UUID)',
  'AttendanceEntryDto.userIds': 'ids (UUIDs)',
  'CreateActionDto.ownerOrganisationId': 'an id (UUID)',
  'CreateActionDto.ownerUserId': 'an id (UUID)',
  'CreateActionDto.dueDate': 'a date (pattern-checked)',
  'FiguresQuery.from': 'a date (pattern-checked), the start of the period',
  'FiguresQuery.to': 'a date (pattern-checked), the end of the period',
  'UpdateActionDto.ownerOrganisationId': 'an id (UUID)',
  'UpdateActionDto.ownerUserId': 'an id (UUID), or null to clear the person',
  'UpdateActionDto.dueDate': 'a date (pattern-checked)',
  'InviteGuestDto.userId': 'an id (UUID)',
  'InviteGuestDto.itemIds': 'ids (UUIDs) of agenda items',
  'MinutesSectionTextDto.id': 'the id of a minutes section, matched against the stored sections',
  'MinutesCommentDto.sectionId': 'the id of a minutes section, matched against the stored sections',
  'AddSignatureDto.organisationId': 'an id (UUID)',
  'AddSignatureDto.signedOn': 'a date (pattern-checked)',
  'CreateReferralDto.toNetworkId': 'an id (UUID)',
  'MfaCodeDto.code': 'six digits from an authenticator app or a recovery code (pattern-checked); checked, never stored',
  'MfaDisableDto.code': 'six digits from an authenticator app or a recovery code (pattern-checked); checked, never stored',
  'MfaDisableDto.password': 'a password: checked against the hash, never stored or shown',
  'ActivateAccountDto.token': 'a one-time token from an e-mailed link (pattern-checked); only its hash is looked up',
  'ActivateAccountDto.password': 'a password: checked for strength and stored only as an argon2id hash',
  'ChangePasswordDto.currentPassword': 'a password: checked against the hash, never stored or shown',
  'ChangePasswordDto.newPassword': 'a password: checked for strength and stored only as an argon2id hash',
  'PasswordResetRequestDto.email': 'an e-mail address (validated): only looked up, never shown to anyone',
  'PasswordResetConfirmDto.token': 'a one-time token from an e-mailed link (pattern-checked); only its hash is looked up',
  'PasswordResetConfirmDto.password': 'a password: checked for strength and stored only as an argon2id hash',
};
