import { NETWORK_TIME_ZONE } from '@casustafel/contract/meeting-rules';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MeetingFacts } from './notifier';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** The address in "Casustafel <casustafel@gemeente.nl>", or the value itself. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/**
 * A meeting's invitation as an iCalendar object (RFC 5546 iTIP): METHOD:REQUEST when it is planned
 * or changed, METHOD:CANCEL when it is cancelled; the same UID as in the calendar feed, so that the
 * calendar program keeps one event per meeting; SEQUENCE as the meeting's, raised on every change;
 * the start in Europe/Amsterdam with the VTIMEZONE that TZID refers to, so that Outlook, Google
 * Calendar and Thunderbird place it right whatever their own zone. No agenda and no cancel reason:
 * they are free text and stay in Casustafel.
 */
export function invitationIcs(input: {
  meeting: MeetingFacts;
  network: string;
  method: InvitationMethod;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  link: string;
  stamp: Date;
}): string {
  const { meeting: m, method } = input;
  const calendar = ical({
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: getVtimezoneComponent },
    prodId: { company: 'Casustafel', product: 'casustafel', language: 'NL' },
  });
  // A Luxon DateTime is written in its own zone beside the TZID, whatever the server's TZ.
  const start = DateTime.fromJSDate(m.startsAt, { zone: NETWORK_TIME_ZONE });
  const cancelled = method === 'CANCEL';
  calendar.createEvent({
    id: `meeting-${m.id}@casustafel`,
    sequence: m.sequence,
    stamp: input.stamp,
    start,
    end: start.plus({ minutes: m.durationMinutes }),
    timezone: NETWORK_TIME_ZONE,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: `${cancelled ? 'Vervalt: ' : ''}Overleg ${input.network}`,
    location: m.location ?? m.onlineUrl ?? undefined,
    url: input.link,
    description: cancelled ? 'Dit overleg gaat niet door. Details in Casustafel.' : `De agenda staat in Casustafel: ${input.link}`,
    organizer: input.organizer,
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return `${calendar.toString()}\r\n`;
}
