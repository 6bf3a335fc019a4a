import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import ical from 'ical-generator';
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
    const networks = await this.networks.networksOf(user.id);
    const names = new Map(networks.map((n) => [n.id, n.name]));
    const from = new Date(this.clock.now().getTime() - 30 * 86_400_000);
    const calendar = ical({
      name: 'Casustafel',
      timezone: 'Europe/Amsterdam',
      prodId: { company: 'Casustafel', product: 'casustafel', language: 'NL' },
    });
    for (const m of await this.meetings.upcoming([...names.keys()], from)) {
      calendar.createEvent({
        id: `meeting-${m.id}@casustafel`,
        start: m.startsAt,
        end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
        summary: `Overleg ${names.get(m.networkId)}`,
        location: m.location ?? m.onlineUrl ?? undefined,
        url: m.onlineUrl ?? undefined,
        description: 'De agenda staat in Casustafel.',
      });
    }
    const actions = await this.actions.openFor(user.organisationId, [...names.keys()]);
    const viewer = { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, organisationId: user.organisationId };
    const labels = await this.labels.acrossNetworks(viewer, actions);
    // An action on a case hidden from this user is left out, like everywhere else.
    for (const a of actions.filter((a) => !a.caseId || labels.has(a.caseId))) {
      const label = a.caseId ? labels.get(a.caseId) : null;
      const day = new Date(`${a.dueDate}T00:00:00Z`);
      calendar.createEvent({
        id: `action-${a.id}@casustafel`,
        start: day,
        allDay: true,
        summary: `Actie ${names.get(a.networkId)}${label ? `: ${label}` : ''}`,
        description: 'Uiterste datum van een actie van je organisatie. Details in Casustafel.',
      });
    }
    return calendar.toString();
  }
}
