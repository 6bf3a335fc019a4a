/**
 * The domain vocabulary shared by api and client. Dutch terms are in ../shared/BRIEF.md (glossary);
 * Dutch labels live in the client's translation files.
 */
export const ORGANISATION_KINDS = ['FORMAL', 'INFORMAL', 'HYBRID'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const NETWORK_KINDS = ['OGGZ', 'NEIGHBOURHOOD'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const RINGS = ['CORE', 'SHELL'] as const;
export type Ring = (typeof RINGS)[number];

/** Roles a user can hold in one network. GUEST (one meeting only) arrives with meetings. */
export const NETWORK_ROLES = ['COORDINATOR', 'CORE_PARTNER', 'SHELL_PARTNER', 'VOLUNTEER_REP'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];
