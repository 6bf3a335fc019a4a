import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import type { KnownElsewhereDto, KnownElsewhereView } from '@casustafel/contract/referrals';
import { requireAccess } from '../access/require-access';
import { CaseDirectory } from '../cases/case-directory';
import { CasesService } from '../cases/cases.service';
import type { Viewer } from '../common/viewer';
import { CovenantsService } from '../covenants/covenants.service';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { AccessLogService, type AccessEvent } from '../privacy/access-log.service';
import { FreeTextGuard } from '../privacy/free-text-guard';
import { toKnownElsewhereView } from './known-elsewhere.mapper';

export const NOT_ALLOWED_HERE =
  'Het privacyconvenant van dit netwerk staat de vraag "Bekend in een ander netwerk?" niet toe. De coördinator kan dit in het convenant aanzetten, als de partners dat hebben afgesproken.';
const PURPOSE_READERS =
  'Het doel komt in de toegangslogboeken van dit netwerk en van het netwerk waar de cliënt bekend is: beschrijf waarvoor je het wilt weten, zonder gegevens van de cliënt.';

/**
 * "Known in another network?" (issue #14, part 3). The coordinator of a case asks whether its client
 * is known in another network of the installation. The client's installation-wide match key (ADR 0021)
 * is compared with those of other networks' cases — nothing is decrypted — and only networks whose
 * covenant allows the question are searched; the asking network's covenant must allow it too. The
 * answer names networks and whom to contact there, never a case. The question, with its purpose, is
 * written to the access log of the asking network and of every network where the client was found.
 */
@Injectable()
export class KnownElsewhereService {
  constructor(
    private readonly cases: CasesService,
    private readonly directory: CaseDirectory,
    private readonly covenants: CovenantsService,
    private readonly networks: NetworksService,
    private readonly organisations: OrganisationsService,
    private readonly guard: FreeTextGuard,
    private readonly accessLog: AccessLogService,
  ) {}

  async check(viewer: Viewer, caseId: string, dto: KnownElsewhereDto): Promise<KnownElsewhereView> {
    const { record, disclosure } = await this.cases.readable(viewer, caseId);
    requireAccess(disclosure.role, 'case.knownElsewhere');
    if (!(await this.covenants.current(record.networkId)).knownElsewhereCheck) throw new ForbiddenException(NOT_ALLOWED_HERE);
    await this.guard.check(viewer, record.networkId, dto, PURPOSE_READERS);
    const purpose = dto.purpose.trim();
    const matchKey = await this.directory.matchKeyOf(record.id);
    if (!matchKey)
      throw new BadRequestException('Bij deze casus is geen identiteit (meer) bewaard, dus er is niets om mee te vergelijken.');

    const holders = await this.directory.holdersOfMatchKey(matchKey, record.networkId);
    const covenants = await this.covenants.currentOf(holders.map((h) => h.networkId));
    // A network whose covenant does not allow the question is not searched: its cases do not count, and it hears nothing.
    const found = holders.filter((h) => covenants.get(h.networkId)?.knownElsewhereCheck === true);
    const networkIds = [...new Set(found.map((h) => h.networkId))];
    const names = await this.networks.namesOf(networkIds);
    const contacts = await this.networks.coordinatorContacts(networkIds);
    const organisations = await this.organisations.namesOf([...contacts.values()].flat().map((c) => c.organisationId));

    const entry = (networkId: string, caseIdThere: string, role: AccessEvent['role']): AccessEvent => ({
      viewer,
      role,
      networkId,
      caseId: caseIdThere,
      action: 'KNOWN_ELSEWHERE',
      level: null,
      context: 'DOSSIER',
      purpose,
    });
    await this.accessLog.record([
      entry(record.networkId, record.id, disclosure.role),
      ...found.map((h) => entry(h.networkId, h.caseId, null)),
    ]);
    return toKnownElsewhereView(networkIds, names, contacts, organisations);
  }
}
