import type { Permission } from '@casustafel/contract/permissions';
import type { RouteObjectType } from '../common/route-object';

/** The Dutch sentence for a 403: what only someone else may do. */
export const FORBIDDEN: Partial<Record<Permission, string>> = {
  'organisation.manage': 'Alleen een beheerder mag dit doen.',
  'user.manage': 'Alleen een beheerder mag dit doen.',
  'network.create': 'Alleen een beheerder mag dit doen.',
  'network.manage': 'Alleen de coördinator van dit netwerk of een beheerder kan leden en rollen wijzigen.',
  'network.members': 'Alleen de partners van dit netwerk zien wie er lid is en wie welke rol heeft.',
  'network.capacity': 'Alleen de coördinator of de organisatie zelf legt vast hoeveel open acties ze kan dragen.',
  'covenant.edit': 'Alleen de coördinator van dit netwerk kan het convenant wijzigen.',
  'covenant.sign': 'Alleen de coördinator van dit netwerk of een beheerder legt handtekeningen vast.',
  'confidentiality.accept': 'Alleen wie een rol in dit netwerk heeft, accepteert de geheimhoudingsverklaring.',
  'accessLog.read': 'Alleen de coördinator van dit netwerk leest het toegangslogboek.',
  'network.reviewRoles': 'Alleen de coördinator van dit netwerk bevestigt de rollen.',
  'case.create': 'Alleen leden van dit netwerk brengen een casus in.',
  'case.updateStatus': 'Alleen de coördinator besluit over de status van een casus.',
  'case.accessReport': 'Alleen de coördinator maakt een inzageoverzicht.',
  'case.refer': 'Alleen de coördinator verwijst een casus door naar een ander netwerk.',
  'referral.read': 'Alleen de coördinator ziet de doorverwijzingen van en naar dit netwerk.',
  'referral.decide': 'Alleen de coördinator besluit of dit netwerk een doorverwezen casus overneemt.',
  'case.knownElsewhere': 'Alleen de coördinator vraagt of een cliënt bekend is in een ander netwerk.',
  'question.answer': 'Alleen de coördinator beantwoordt een consultatieve vraag.',
  'question.message': 'Alleen de coördinator en de organisatie die de vraag stelde, schrijven in deze draad.',
  'question.withdraw': 'Alleen de organisatie die de vraag stelde, kan hem intrekken.',
  'question.convert': 'Alleen de organisatie die de vraag stelde, kan hem omzetten in een casus.',
  'meeting.plan': 'Alleen de coördinator plant en leidt overleggen.',
  'meeting.run': 'Alleen de coördinator plant en leidt overleggen.',
  'meeting.cancel': 'Alleen de coördinator annuleert een overleg.',
  'action.update': 'Alleen de organisatie die de actie uitvoert, of de coördinator, werkt hem bij.',
  'action.correct': 'Alleen de coördinator corrigeert de omschrijving, de uiterste datum of wie de actie uitvoert.',
  'minutes.edit': 'Alleen de coördinator bewerkt, verstuurt en stelt het verslag vast.',
  'minutes.approve': 'Alleen de coördinator bewerkt, verstuurt en stelt het verslag vast.',
  'minutes.addendum': 'Alleen de coördinator bewerkt, verstuurt en stelt het verslag vast.',
  'minutes.comment': 'Alleen de organisaties die bij het overleg waren, geven opmerkingen op het verslag.',
};

/** The Dutch sentence for a 404: the object does not exist, or not for this caller. */
export const NOT_FOUND: Record<RouteObjectType, string> = {
  NETWORK: 'Dit netwerk bestaat niet of je bent er geen lid van.',
  CASE: 'Deze casus bestaat niet of je mag hem niet zien.',
  QUESTION: 'Deze vraag bestaat niet of je mag hem niet zien.',
  MEETING: 'Dit overleg bestaat niet of je bent geen lid van het netwerk.',
  MINUTES: 'Er is (nog) geen verslag van dit overleg dat je mag zien.',
  ACTION: 'Deze actie bestaat niet of je mag hem niet zien.',
  REFERRAL: 'Deze doorverwijzing bestaat niet of je mag hem niet zien.',
};

/**
 * What the administrator may be told they cannot do in a network (403): its management, and that
 * members bring in cases. Anything about the network's content does not exist for them (404).
 */
export const ADMIN_KNOWS: ReadonlySet<Permission> = new Set([
  'case.create',
  'network.read',
  'network.members',
  'network.capacity',
  'network.manage',
  'covenant.read',
  'covenant.edit',
  'covenant.sign',
  'confidentiality.accept',
  'accessLog.read',
]);
