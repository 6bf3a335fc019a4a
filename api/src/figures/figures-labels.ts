import type { OrganisationKind, ProblemArea, Ring, Urgency } from '@casustafel/contract/enums';

/** Dutch labels for the figures' rows (the client's translations say the same; the PDF and CSV need them on the server). */
export const PROBLEM_AREA_LABEL: Record<ProblemArea, string> = {
  HOUSING: 'Wonen',
  FINANCES: 'Financiën',
  PHYSICAL_HEALTH: 'Lichamelijke gezondheid',
  MENTAL_HEALTH: 'Psychische gezondheid',
  ADDICTION: 'Verslaving',
  SOCIAL_NETWORK: 'Sociaal netwerk',
  SELF_CARE: 'Zelfzorg',
  DOMESTIC_SAFETY: 'Huiselijke veiligheid',
  NUISANCE: 'Overlast',
  DAILY_ACTIVITIES: 'Dagbesteding',
  PARENTING: 'Opvoeding',
};

export const URGENCY_LABEL: Record<Urgency, string> = { LOW: 'Laag', MEDIUM: 'Gemiddeld', HIGH: 'Hoog', ACUTE: 'Acuut' };

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  FORMAL: 'Formeel',
  INFORMAL: 'Informeel',
  HYBRID: 'Hybride',
  GOVERNMENT: 'Overheid',
};

export const RING_LABEL: Record<Ring, string> = { CORE: 'kern', SHELL: 'schil' };

export const SOURCE_LABEL = { INTAKE: 'Aangemeld door een lid', QUESTION: 'Omgezet consultatieve vraag' } as const;

export const OUTCOME_LABEL = {
  DONE: 'Uitgevoerd',
  NOT_DONE_CIRCUMSTANCES_CHANGED: 'Niet uitgevoerd: omstandigheden veranderd',
  NOT_DONE_NOT_CARRIED_OUT: 'Niet uitgevoerd: niet gedaan',
  OVERDUE: 'Open en te laat aan het eind van de periode',
  OPEN: 'Open, nog op tijd',
  CANCELLED: 'Vervallen',
} as const;

export const SECTION_LABEL = {
  cases: 'Casussen',
  actions: 'Acties',
  questions: 'Consultatieve vragen',
  meetings: 'Overleggen',
} as const;
