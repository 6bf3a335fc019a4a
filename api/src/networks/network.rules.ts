import type { NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';

/**
 * Which organisation may hold which role (BRIEF §3). Returns the Dutch reason a role does not fit,
 * or null when it does.
 */
export function roleMismatch(role: NetworkRole, organisation: { name: string; kind: OrganisationKind }, ring: Ring): string | null {
  switch (role) {
    case 'MUNICIPALITY':
      return null; // no ring: see governmentMismatch
    case 'COORDINATOR':
      return ring === 'CORE' ? null : `De coördinator werkt bij een kernpartner; ${organisation.name} zit in de schil.`;
    case 'CORE_PARTNER':
      return ring === 'CORE' ? null : `Een kernpartner hoort bij een organisatie in de kern; ${organisation.name} zit in de schil.`;
    case 'SHELL_PARTNER':
      return ring === 'SHELL' ? null : `Een schilpartner hoort bij een organisatie in de schil; ${organisation.name} zit in de kern.`;
    case 'VOLUNTEER_REP':
      return organisation.kind === 'INFORMAL' || organisation.kind === 'HYBRID'
        ? null
        : `Een vertegenwoordiger vrijwilligersorganisatie hoort bij een informele of hybride organisatie; ${organisation.name} is een formele organisatie.`;
  }
}

/**
 * The municipality (ADR 0019): the role MUNICIPALITY only for a government organisation's people, and
 * they hold no other role. Returns the Dutch reason (a 400), or null when the pair fits.
 */
export function governmentMismatch(role: NetworkRole, organisation: { name: string; kind: OrganisationKind }): string | null {
  if (role === 'MUNICIPALITY')
    return organisation.kind === 'GOVERNMENT'
      ? null
      : `De rol gemeente is voor medewerkers van een overheidsorganisatie; ${organisation.name} is geen overheidsorganisatie.`;
  return organisation.kind === 'GOVERNMENT'
    ? `${organisation.name} is een overheidsorganisatie: haar medewerkers kunnen in een netwerk alleen de rol gemeente krijgen.`
    : null;
}

/** Why an organisation cannot join the network as a member (with a ring), or null when it can. */
export function memberMismatch(organisation: { name: string; kind: OrganisationKind }): string | null {
  return organisation.kind === 'GOVERNMENT'
    ? `${organisation.name} is een overheidsorganisatie en wordt geen lid met een ring: geef haar medewerkers de rol gemeente, zonder lidmaatschap.`
    : null;
}

/** Why an organisation cannot record a capacity, or null when it can (informal and hybrid organisations only). */
export function capacityMismatch(organisation: { name: string; kind: OrganisationKind }): string | null {
  return organisation.kind === 'INFORMAL' || organisation.kind === 'HYBRID'
    ? null
    : `Alleen een informele of hybride organisatie legt vast hoeveel open acties ze kan dragen; ${organisation.name} is een ${organisation.kind === 'GOVERNMENT' ? 'overheidsorganisatie' : 'formele organisatie'}.`;
}
