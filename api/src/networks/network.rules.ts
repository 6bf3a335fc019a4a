import type { NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';

/**
 * Which organisation may hold which role (BRIEF §3). Returns the Dutch reason a role does not fit,
 * or null when it does.
 */
export function roleMismatch(role: NetworkRole, organisation: { name: string; kind: OrganisationKind }, ring: Ring): string | null {
  switch (role) {
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
