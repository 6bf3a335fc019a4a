import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NETWORK_TIME_ZONE } from '@casustafel/contract/meeting-rules';
import { can } from '@casustafel/contract/permissions';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { ActionsService } from '../actions/actions.service';
import { Clock } from '../common/clock';
import type { FileDownload } from '../common/file-download';
import type { Viewer } from '../common/viewer';
import { MeetingsService } from '../meetings/meetings.service';
import { NetworksService } from '../networks/networks.service';
import { CaseLabels } from '../privacy/case-labels';
import { UsersService } from '../users/users.service';
import { CalendarToken } from './calendar-token.entity';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A user's private calendar feed: the meetings of their networks and their organisation's action
 * due dates. Only pseudonyms, never a client's identity or an action's free text.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectRepository(CalendarToken) private readonly tokens: Repository<CalendarToken>,
    private readonly users: UsersService,
    private readonly networks: NetworksService,
    private readonly meetings: MeetingsService,
    private readonly actions: ActionsService,
    private readonly labels: CaseLabels,
    private readonly clock: Clock,
  ) {}

  /** A new secret feed address; the previous one stops working. */
  async renew(viewer: Viewer): Promise<{ token: string; url: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.tokens.delete({ userId: viewer.id });
    await this.tokens.insert({ userId: viewer.id, tokenHash: hash(token), createdAt: this.clock.now() });
    return { token, url: `/api/calendar/${token}.ics` };
  }

  /** The feed behind an address's last part ("<token>.ics"): the secret in it is the only key. */
  async feedFile(file: string): Promise<FileDownload> {
    const match = /^([\w-]{20,64})\.ics$/.exec(file);
    if (!match) throw new BadRequestException('Een agenda-link eindigt op .ics.');
    return { bytes: Buffer.from(await this.feed(match[1]), 'utf8'), contentType: 'text/calendar; charset=utf-8' };
  }

  private async feed(token: string): Promise<string> {
    const row = await this.tokens.findOneBy({ tokenHash: hash(token) });
    const user = row ? await this.users.findById(row.userId) : null;
    if (!row || !user || !user.active)
      throw new NotFoundException('Deze agenda-link bestaat niet (meer). Maak in Casustafel een nieuwe aan.');
    // Only networks whose meetings the role may list: the municipality's (ADR 0019) stay out of its feed.
    const networks = (await this.networks.networksOf(user.id)).filter((n) => can(n.role, 'meeting.list'));
    const names = new Map(networks.map((n) => [n.id, n.name]));
    const from = new Date(this.clock.now().getTime() - 30 * 86_400_000);
    // No calendar-wide zone: that would add the non-standard TIMEZONE-ID and X-WR-TIMEZONE and write
    // DTSTAMP in local time. Each meeting names its zone (DTSTART;TZID=Europe/Amsterdam) and the
    // generator adds the VTIMEZONE those TZIDs refer to; DTSTAMP stays UTC with Z.
    const calendar = ical({
      name: 'Casustafel',
      timezone: { name: null, generator: getVtimezoneComponent },
      prodId: { company: 'Casustafel', product: 'casustafel', language: 'NL' },
    });
    const stamp = this.clock.now();
    for (const m of await this.meetings.upcoming([...names.keys()], from)) {
      // ical-generator writes a JS Date's clock time in the SERVER's zone beside a TZID; a Luxon
      // DateTime is written in the zone it is given, whatever the server's TZ.
      const start = DateTime.fromJSDate(m.startsAt, { zone: NETWORK_TIME_ZONE });
      const cancelled = m.status === 'CANCELLED';
      calendar.createEvent({
        id: `meeting-${m.id}@casustafel`,
        stamp,
        start,
        end: start.plus({ minutes: m.durationMinutes }),
        timezone: NETWORK_TIME_ZONE,
        // A cancelled meeting stays in the feed as cancelled, so calendar apps that already hold it
        // strike it through or remove it; its reason is free text and stays in Casustafel.
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        summary: `${cancelled ? 'Vervalt: ' : ''}Overleg ${names.get(m.networkId)}`,
        location: m.location ?? m.onlineUrl ?? undefined,
        url: m.onlineUrl ?? undefined,
        description: cancelled ? 'Dit overleg gaat niet door. Details in Casustafel.' : 'De agenda staat in Casustafel.',
      });
    }
    const actions = await this.actions.openFor(user.organisationId, [...names.keys()]);
    const viewer = { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, organisationId: user.organisationId };
    const labels = await this.labels.acrossNetworks(viewer, actions);
    // An action on a case hidden from this user is left out, like everywhere else.
    for (const a of actions.filter((a) => !a.caseId || labels.has(a.caseId))) {
      const label = a.caseId ? labels.get(a.caseId) : null;
      calendar.createEvent({
        id: `action-${a.id}@casustafel`,
        stamp,
        // A due date is a day, not a moment: DTSTART;VALUE=DATE with the date itself.
        start: DateTime.fromISO(a.dueDate, { zone: 'UTC' }),
        allDay: true,
        summary: `Actie ${names.get(a.networkId)}${label ? `: ${label}` : ''}`,
        description: 'Uiterste datum van een actie van je organisatie. Details in Casustafel.',
      });
    }
    // RFC 5545 ends every content line, the last one too, with CRLF.
    return `${calendar.toString()}\r\n`;
  }
}
