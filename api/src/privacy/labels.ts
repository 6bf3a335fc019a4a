import type { CovenantRole, DisclosureContext, DisclosureLevel } from '@casustafel/contract/enums';

/** Dutch words for the policy's explanations ("Waarom zie ik dit?"). */
export const ROLE_PLURAL: Record<CovenantRole, string> = {
  COORDINATOR: 'coördinatoren',
  CORE_PARTNER: 'kernpartners',
  SHELL_PARTNER: 'schilpartners',
  VOLUNTEER_REP: 'vertegenwoordigers van vrijwilligersorganisaties',
  GUEST: 'gasten',
};

export const CONTEXT_PHRASE: Record<DisclosureContext, string> = {
  MEETING: 'tijdens het overleg',
  DOSSIER: 'op casuspagina’s en in lijsten',
  MINUTES: 'in het verslag',
};

export const LEVEL_PHRASE: Record<DisclosureLevel, string> = {
  FULL: 'naam, geboortedatum, adres en telefoon',
  INITIALS: 'initialen, geboortejaar en buurt',
  ADDRESS: 'alleen postcode, huisnummer en buurt',
  PSEUDONYM: 'alleen het pseudoniem en de buurt',
  HIDDEN: 'niets',
};
