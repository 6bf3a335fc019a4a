import { Injectable } from '@nestjs/common';
import type { DisclosureRole, DisclosureContext } from '@casustafel/contract/enums';
import { CaseDirectory } from '../cases/case-directory';
import type { Viewer } from '../common/viewer';
import { pseudonymDisplay } from './client-view';
import type { CaseFacts } from './case-facts';
import { DisclosureService, type NetworkDisclosure } from './disclosure.service';

/**
 * THE label of a case for a viewer in a context ("Casus 2026-014 · Linde"), or nothing when the
 * disclosure policy hides the case from them (issue #9). Every output that names a case or shows
 * something tied to one — actions in JSON, CSV and PDF, "Mijn acties", agendas, minutes, the
 * calendar feed — asks here, and leaves out what has no label: a hidden case leaves no trace.
 */
@Injectable()
export class CaseLabels {
  constructor(
    private readonly directory: CaseDirectory,
    private readonly disclosures: DisclosureService,
  ) {}

  /** caseId → label, for the cases of one network that the viewer may see. */
  async forViewer(
    viewer: Viewer,
    networkId: string,
    caseIds: (string | null)[],
    context: DisclosureContext = 'DOSSIER',
    options: { role?: DisclosureRole | null; covenantVersion?: number } = {},
  ): Promise<Map<string, string>> {
    const ids = [...new Set(caseIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const facts = await this.directory.facts(networkId, ids);
    const disclosure = await this.disclosures.forNetwork(
      viewer,
      networkId,
      context,
      facts.map((f) => f.id),
      options,
    );
    return CaseLabels.decided(disclosure, facts);
  }

  /**
   * caseId → label by a disclosure already gathered for these cases (the meeting view labels the
   * actions on its agenda by the decisions that showed the agenda's cases): the cases it hides get none.
   */
  static decided(disclosure: NetworkDisclosure, cases: CaseFacts[]): Map<string, string> {
    const labels = new Map<string, string>();
    for (const c of cases) if (disclosure.decide(c).level !== 'HIDDEN') labels.set(c.id, pseudonymDisplay(c.number, c.pseudonym));
    return labels;
  }

  /** The same over several networks (a user's own actions, their calendar). */
  async acrossNetworks(
    viewer: Viewer,
    refs: { networkId: string; caseId: string | null }[],
    context: DisclosureContext = 'DOSSIER',
  ): Promise<Map<string, string>> {
    const byNetwork = new Map<string, string[]>();
    for (const r of refs) if (r.caseId) byNetwork.set(r.networkId, [...(byNetwork.get(r.networkId) ?? []), r.caseId]);
    const labels = new Map<string, string>();
    for (const [networkId, caseIds] of byNetwork)
      for (const [id, label] of await this.forViewer(viewer, networkId, caseIds, context)) labels.set(id, label);
    return labels;
  }
}
