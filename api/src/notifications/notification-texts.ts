import type { NotificationKind, NotificationParams } from '@casustafel/contract/notifications';
import { formatDutch } from '../common/amsterdam-time';
import { CASE_STATUS_LABEL, labelOf } from '../common/labels';

/**
 * What a notification says, in Dutch: its title (the mail's subject and the line under the bell)
 * and the sentences of its mail. Made from the kind and its params only, so that nothing but a
 * label, a status, a date, a moment or a network's name can stand in it — never free text.
 * The reason of a status change is shown in the app beside the notification, never in a mail.
 */
export function notificationText(kind: NotificationKind, p: NotificationParams, network: string): { title: string; lines: string[] } {
  const onCase = p.caseLabel ? ` (${p.caseLabel})` : '';
  const due = p.dueDate ? formatDutch(p.dueDate, 'day') : '';
  const moment = p.startsAt ? formatDutch(p.startsAt, 'moment') : '';
  const day = p.startsAt ? formatDutch(p.startsAt, 'day') : '';
  switch (kind) {
    case 'ACTION_ASSIGNED':
      return {
        title: `Nieuwe actie voor je organisatie${onCase}`,
        lines: [
          `In het netwerk ${network} is een actie aan je organisatie toegewezen${p.caseLabel ? ` bij ${p.caseLabel}` : ''}, uiterlijk ${due}.`,
          'Wat er moet gebeuren lees je in Casustafel, onder Mijn acties.',
        ],
      };
    case 'ACTION_DUE_SOON':
      return {
        title: `Actie verloopt op ${due}${onCase}`,
        lines: [
          `Een actie van je organisatie in het netwerk ${network}${p.caseLabel ? ` bij ${p.caseLabel}` : ''} moet uiterlijk ${due} klaar zijn.`,
          'Is hij al gedaan? Meld dat dan in Casustafel, onder Mijn acties.',
        ],
      };
    case 'ACTION_OVERDUE':
      return {
        title: `Actie over de datum${onCase}`,
        lines: [
          `Een actie van je organisatie in het netwerk ${network}${p.caseLabel ? ` bij ${p.caseLabel}` : ''} moest uiterlijk ${due} klaar zijn en staat nog open.`,
          'Meld in Casustafel of hij is gedaan, of waarom niet.',
        ],
      };
    case 'MINUTES_FOR_COMMENT':
      return {
        title: `Verslag ter becommentariëring: overleg ${network} van ${day}`,
        lines: [
          `Het verslag van het overleg van ${network} op ${day} is verstuurd. Je organisatie was aanwezig en kan opmerkingen maken tot het is vastgesteld.`,
        ],
      };
    case 'MINUTES_APPROVED':
      return {
        title: `Verslag vastgesteld: overleg ${network} van ${day}`,
        lines: [`Het verslag van het overleg van ${network} op ${day} is vastgesteld en staat in Casustafel.`],
      };
    case 'QUESTION_ANSWERED':
      return {
        title: `Je consultatieve vraag in ${network} is beantwoord`,
        lines: [
          `De consultatieve vraag die je organisatie ${askedOn(p)}stelde in het netwerk ${network}, is beantwoord. Het advies lees je in Casustafel.`,
        ],
      };
    case 'QUESTION_FOLLOW_UP':
      return {
        title: `Vervolgvraag over je consultatieve vraag in ${network}`,
        lines: [
          `Over de consultatieve vraag die je organisatie ${askedOn(p)}stelde in het netwerk ${network}, is een vervolgvraag gesteld. Je leest en beantwoordt hem in Casustafel.`,
        ],
      };
    case 'CASE_STATUS_CHANGED':
      return {
        title: `Nieuwe status: ${labelOf(CASE_STATUS_LABEL, p.status ?? '')}${onCase}`,
        lines: [
          `${p.caseLabel ?? 'Een casus'}, door je organisatie ingebracht in het netwerk ${network}, heeft nu de status ${labelOf(CASE_STATUS_LABEL, p.status ?? '')}${p.otherNetwork ? ` (overgedragen aan het netwerk ${p.otherNetwork})` : ''}.`,
          'De toelichting van de coördinator lees je in Casustafel.',
        ],
      };
    case 'MEETING_INVITATION':
      return p.change === 'CANCELLED'
        ? {
            title: `Vervalt: overleg ${network} op ${moment}`,
            lines: [`Het overleg van ${network} op ${moment} gaat niet door. De reden staat in Casustafel.`],
          }
        : {
            title: `${p.change === 'CHANGED' ? 'Gewijzigd' : 'Uitnodiging'}: overleg ${network} op ${moment}`,
            lines: [
              p.change === 'CHANGED'
                ? `Het overleg van ${network} is verplaatst of gewijzigd: het is nu op ${moment}.`
                : `Je bent uitgenodigd voor het overleg van ${network} op ${moment}.`,
              'De uitnodiging zit in deze e-mail, zodat je agenda hem kan overnemen. De agenda van het overleg staat in Casustafel.',
            ],
          };
    case 'MEETING_AGENDA':
      return {
        title: `Agenda: overleg ${network} op ${moment}`,
        lines: [
          `De agenda voor het overleg van ${network} op ${moment} staat klaar in Casustafel. Bereid de casussen en vragen voor die je organisatie aangaan.`,
        ],
      };
    case 'REFERRAL_RECEIVED':
      return {
        title: `Doorverwijzing uit het netwerk ${p.otherNetwork ?? ''}`,
        lines: [
          `Het netwerk ${p.otherNetwork ?? ''} vraagt ${network} een casus over te nemen${p.caseLabel ? `: ${p.caseLabel}` : ''}.`,
          'De reden en de probleemgebieden lees je in Casustafel, waar je de doorverwijzing aanneemt of afwijst.',
        ],
      };
    case 'REFERRAL_DECIDED':
      return {
        title: `Doorverwijzing ${p.accepted ? 'aangenomen' : 'afgewezen'} door ${p.otherNetwork ?? ''}${onCase}`,
        lines: [
          `Het netwerk ${p.otherNetwork ?? ''} heeft de doorverwijzing${p.caseLabel ? ` van ${p.caseLabel}` : ''} ${p.accepted ? 'aangenomen' : 'afgewezen'}.`,
          p.accepted ? 'De casus is daar als nieuwe casus begonnen.' : 'De reden lees je in Casustafel.',
        ],
      };
  }
}

function askedOn(p: NotificationParams): string {
  return p.askedAt ? `op ${formatDutch(p.askedAt, 'day')} ` : '';
}
