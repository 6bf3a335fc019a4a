import type { CreateCaseDto } from '@casustafel/contract/cases';
import type { AnswerQuestionDto, CreateQuestionDto } from '@casustafel/contract/questions';
import type { NetworkKind, NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';

/** Demo password for every demo account (development only; never seeded in production). */
export const DEMO_PASSWORD = 'Casustafel-demo-2026';

export const DEMO_ORGANISATIONS: { key: string; name: string; kind: OrganisationKind; sector: string }[] = [
  { key: 'beheer', name: 'Functioneel beheer Casustafel', kind: 'FORMAL', sector: 'Gemeente' },
  { key: 'ggd', name: 'GGD, team bemoeizorg', kind: 'FORMAL', sector: 'Publieke gezondheid' },
  { key: 'politie', name: 'Politie, basisteam Eemland', kind: 'FORMAL', sector: 'Veiligheid' },
  { key: 'corporatie', name: 'Woonstichting De Eem', kind: 'FORMAL', sector: 'Wonen' },
  { key: 'ggz', name: 'GGZ-team Noord', kind: 'FORMAL', sector: 'Geestelijke gezondheidszorg' },
  { key: 'mee', name: 'MEE', kind: 'FORMAL', sector: 'Cliëntondersteuning' },
  { key: 'welzijn', name: 'Stichting Welzijn Soesterkwartier', kind: 'FORMAL', sector: 'Welzijn' },
  { key: 'ouderenwerk', name: 'Ouderenwerk Eemland', kind: 'HYBRID', sector: 'Welzijn' },
  { key: 'humanitas', name: 'Humanitas Eemland', kind: 'INFORMAL', sector: 'Vrijwilligerswerk' },
  { key: 'diaconie', name: 'Diaconie Protestantse Gemeente', kind: 'INFORMAL', sector: 'Kerk' },
  { key: 'huisarts', name: 'Huisartsenpraktijk Soesterkwartier', kind: 'FORMAL', sector: 'Eerstelijnszorg' },
  // The municipality (issue #13): no member of any network; its official holds the role MUNICIPALITY in both.
  { key: 'gemeente', name: 'Gemeente Amersfoort', kind: 'GOVERNMENT', sector: 'Sociaal domein' },
];

/** How many open actions the volunteer organisations said they can carry (issue #13), recorded by the coordinator. */
export const DEMO_CAPACITIES: [network: string, organisation: string, capacity: number][] = [
  ['buurt', 'humanitas', 3],
  ['buurt', 'diaconie', 2],
  ['buurt', 'ouderenwerk', 5],
];

export const DEMO_NETWORKS: {
  key: string;
  name: string;
  kind: NetworkKind;
  area: string;
  members: [organisation: string, ring: Ring][];
}[] = [
  {
    key: 'buurt',
    name: 'Buurtnetwerk 55+ Soesterkwartier',
    kind: 'NEIGHBOURHOOD',
    area: 'Soesterkwartier',
    members: [
      ['welzijn', 'CORE'],
      ['ouderenwerk', 'CORE'],
      ['mee', 'CORE'],
      ['corporatie', 'CORE'],
      ['humanitas', 'SHELL'],
      ['diaconie', 'SHELL'],
      ['huisarts', 'SHELL'],
      ['politie', 'SHELL'],
    ],
  },
  {
    key: 'oggz',
    name: 'Lokaal Zorgnetwerk Noord',
    kind: 'OGGZ',
    area: 'Amersfoort-Noord',
    members: [
      ['ggd', 'CORE'],
      ['politie', 'CORE'],
      ['corporatie', 'CORE'],
      ['ggz', 'CORE'],
      ['mee', 'CORE'],
      ['welzijn', 'SHELL'],
      ['huisarts', 'SHELL'],
    ],
  },
];

export const DEMO_USERS: {
  name: string;
  email: string;
  organisation: string;
  isAdmin?: boolean;
  roles: [network: string, role: NetworkRole][];
}[] = [
  { name: 'Femke Jansen', email: 'beheerder@demo.casustafel.nl', organisation: 'beheer', isAdmin: true, roles: [] },
  { name: 'Marieke de Boer', email: 'coordinator.noord@demo.casustafel.nl', organisation: 'ggd', roles: [['oggz', 'COORDINATOR']] },
  {
    name: 'Sanne Visser',
    email: 'coordinator.buurt@demo.casustafel.nl',
    organisation: 'welzijn',
    roles: [
      ['buurt', 'COORDINATOR'],
      ['oggz', 'SHELL_PARTNER'],
    ],
  },
  {
    name: 'Jeroen Bakker',
    email: 'politie@demo.casustafel.nl',
    organisation: 'politie',
    roles: [
      ['oggz', 'CORE_PARTNER'],
      ['buurt', 'SHELL_PARTNER'],
    ],
  },
  {
    name: 'Ayşe Demir',
    email: 'corporatie@demo.casustafel.nl',
    organisation: 'corporatie',
    roles: [
      ['oggz', 'CORE_PARTNER'],
      ['buurt', 'CORE_PARTNER'],
    ],
  },
  {
    name: 'Karim El Amrani',
    email: 'mee@demo.casustafel.nl',
    organisation: 'mee',
    roles: [
      ['oggz', 'CORE_PARTNER'],
      ['buurt', 'CORE_PARTNER'],
    ],
  },
  {
    name: 'Pieter Smit',
    email: 'huisarts@demo.casustafel.nl',
    organisation: 'huisarts',
    roles: [
      ['oggz', 'SHELL_PARTNER'],
      ['buurt', 'SHELL_PARTNER'],
    ],
  },
  { name: 'Els van Dijk', email: 'humanitas@demo.casustafel.nl', organisation: 'humanitas', roles: [['buurt', 'VOLUNTEER_REP']] },
  { name: 'Hendrik Mulder', email: 'diaconie@demo.casustafel.nl', organisation: 'diaconie', roles: [['buurt', 'VOLUNTEER_REP']] },
  { name: 'Noor Hendriks', email: 'ouderenwerk@demo.casustafel.nl', organisation: 'ouderenwerk', roles: [['buurt', 'VOLUNTEER_REP']] },
  {
    name: 'Lotte Verbeek',
    email: 'gemeente@demo.casustafel.nl',
    organisation: 'gemeente',
    roles: [
      ['oggz', 'MUNICIPALITY'],
      ['buurt', 'MUNICIPALITY'],
    ],
  },
];

/** Fictional clients (any likeness is chance), brought in by demo users. */
export const DEMO_CASES: { network: string; submittedBy: string; status?: 'ACCEPTED' | 'MONITORING'; dto: CreateCaseDto }[] = [
  {
    network: 'buurt',
    submittedBy: 'corporatie@demo.casustafel.nl',
    status: 'ACCEPTED',
    dto: {
      client: {
        givenName: 'Wilhelmina',
        surname: 'van Oosterbeek',
        dateOfBirth: '1939-02-11',
        street: 'Lindelaan',
        houseNumber: '8',
        postcode: '3812 KL',
        city: 'Amersfoort',
      },
      neighbourhood: 'Soesterkwartier',
      problemAreas: ['HOUSING', 'SELF_CARE', 'SOCIAL_NETWORK'],
      urgency: 'MEDIUM',
      consent: 'GIVEN',
      summary:
        'Alleenstaande vrouw van in de tachtig. De woning raakt vervuild, de post stapelt zich op en ze komt de deur nauwelijks meer uit. Wil wel hulp bij de administratie.',
    },
  },
  {
    network: 'buurt',
    submittedBy: 'mee@demo.casustafel.nl',
    dto: {
      client: {
        givenName: 'Hendrikus',
        surname: 'Brouwersgracht',
        dateOfBirth: '1952-09-30',
        street: 'Paulus Potterstraat',
        houseNumber: '41',
        postcode: '3812 VR',
        city: 'Amersfoort',
      },
      neighbourhood: 'Soesterkwartier',
      problemAreas: ['FINANCES', 'MENTAL_HEALTH'],
      urgency: 'HIGH',
      consent: 'NOT_ASKED',
      summary: 'Man van rond de zeventig met oplopende huurachterstand. Reageert niet op brieven; buren zien hem verward op straat.',
    },
  },
  {
    network: 'oggz',
    submittedBy: 'politie@demo.casustafel.nl',
    status: 'MONITORING',
    dto: {
      client: {
        givenName: 'Dirk',
        surname: 'Achterhoeve',
        dateOfBirth: '1968-06-04',
        street: 'Kapelweg',
        houseNumber: '120',
        postcode: '3818 BD',
        city: 'Amersfoort',
      },
      neighbourhood: 'Kruiskamp',
      problemAreas: ['NUISANCE', 'ADDICTION', 'HOUSING'],
      urgency: 'ACUTE',
      consent: 'OVERRIDE_OGGZ',
      consentOverrideReason:
        'Herhaalde meldingen van geluidsoverlast en dreiging naar buren; betrokkene mijdt alle zorg. Het risico voor de omgeving weegt zwaarder dan zijn privacy.',
      summary:
        'Meerdere meldingen van overlast en agressie in de portiek. Woningcorporatie overweegt ontruiming. Eerdere hulpverlening afgehouden.',
    },
  },
];

export const DEMO_QUESTIONS: { network: string; submittedBy: string; dto: CreateQuestionDto; answer?: AnswerQuestionDto }[] = [
  {
    network: 'buurt',
    submittedBy: 'humanitas@demo.casustafel.nl',
    dto: {
      title: 'Oudere man houdt steeds meer spullen in huis',
      situation:
        'Een man van rond de 75 die wij wekelijks bezoeken bewaart steeds meer kranten en dozen. De gang is bijna niet meer begaanbaar en hij valt vaker.',
      question: 'Hoe ernstig is dit, en mogen wij zonder zijn toestemming iemand inschakelen?',
      neighbourhood: 'Soesterkwartier',
      ageBand: '65_TO_79',
      problemAreas: ['HOUSING', 'SELF_CARE'],
    },
    answer: {
      advice:
        'Bespreek met hem of hij hulp wil bij opruimen; de ouderenadviseur kan meegaan. Bij valgevaar en weigering: bespreek het opnieuw in het kernoverleg.',
      severity: 'MEDIUM',
      recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT',
    },
  },
  {
    network: 'buurt',
    submittedBy: 'diaconie@demo.casustafel.nl',
    dto: {
      title: 'Vrouw durft niet meer naar de kerk',
      situation:
        'Een vrouw van in de tachtig uit onze gemeente komt sinds de zomer niet meer naar de kerk en lijkt verward als we haar bellen.',
      question: 'Is dit iets voor de huisarts of voor het wijkteam?',
      ageBand: '80_PLUS',
      problemAreas: ['MENTAL_HEALTH', 'SOCIAL_NETWORK'],
    },
  },
];
