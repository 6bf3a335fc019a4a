import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { freeTextFields, type FreeTextOptions } from '@casustafel/contract/free-text';
import type { DisclosureRole, DisclosureContext, DisclosureLevel } from '@casustafel/contract/enums';
import type { IdentifyingFinding } from '@casustafel/contract/question-rules';
import { CaseDirectory } from '../cases/case-directory';
import { Clock } from '../common/clock';
import { CLIENT_IDENTIFYING_KIND_PHRASE, IDENTIFYING_KIND_PHRASE } from '../common/labels';
import { markFreeTextChecked } from '../common/request-context';
import type { Viewer } from '../common/viewer';
import { AccessLogService } from './access-log.service';
import { FINDING_KIND, REVEALED_AT, textCandidates, type Candidate } from './client-identifiers';
import { DisclosureService } from './disclosure.service';
import type { ClientIdentity } from './identity-cipher';
import { IdentityCipher } from './identity-cipher';
import { scanIdentifyingData } from './identifying-data';

const CONTEXTS: DisclosureContext[] = ['DOSSIER', 'MEETING', 'MINUTES'];
const RANK: Record<DisclosureLevel, number> = { HIDDEN: 0, PSEUDONYM: 1, ADDRESS: 2, INITIALS: 3, FULL: 4 };

interface TextField {
  field: string;
  text: string;
  options: FreeTextOptions;
}

/**
 * The one guard every piece of free text passes before it is stored (issue #9): every @FreeText()
 * field of a request DTO, nested DTOs included. It refuses with 422 and the findings (kind and
 * position, never the text) when the text holds
 *  (a) identifying data of any kind (names, addresses, postcodes, phone numbers, e-mail, BSN,
 *      IBAN, dates of birth — after normalising away zero-width and full-width tricks), or
 *  (b) a surname, street, postcode (+ house number), phone number or date of birth of a client of
 *      this network whom the writer may see, matched through keyed blind indexes, so nothing is
 *      decrypted. A value counts only where the writer's own level for that case reveals it, so
 *      the guard never tells anyone that a word belongs to a client the covenant hides from them.
 * Each refusal under rule (b) is written to the access log (TEXT_REFUSED, DENIED, per case).
 */
@Injectable()
export class FreeTextGuard {
  constructor(
    private readonly directory: CaseDirectory,
    private readonly disclosures: DisclosureService,
    private readonly accessLog: AccessLogService,
    private readonly cipher: IdentityCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks every @FreeText() field of the DTO. `why` is the Dutch sentence saying who reads the
   * text; `identity` is the client of a case being created (not yet in the blind index).
   */
  async check(viewer: Viewer, networkId: string, dto: object, why: string, options: { identity?: ClientIdentity } = {}): Promise<void> {
    // A plain object has no @FreeText() fields to find: the guard would pass anything. Callers pass DTO instances (plainToInstance).
    if (dto.constructor === Object) throw new Error('FreeTextGuard.check needs a DTO instance, not a plain object');
    const fields: TextField[] = [];
    collect(dto, '', fields);
    markFreeTextChecked(dto);
    if (fields.length === 0) return;

    const now = this.clock.now();
    const findings: IdentifyingFinding[] = fields.flatMap(({ field, text, options: allowed }) =>
      scanIdentifyingData(text, now, { allowAddresses: allowed.allow?.includes('ADDRESS') })
        .filter((f) => !allowed.allow?.includes(f.kind))
        .map((f) => ({ ...f, field })),
    );
    const clientFindings = await this.clientValues(viewer, networkId, fields, options.identity ?? null);
    if (findings.length === 0 && clientFindings.length === 0) return;

    const all = [...findings, ...clientFindings].sort((a, b) => (a.field ?? '').localeCompare(b.field ?? '') || a.start - b.start);
    const message =
      clientFindings.length > 0
        ? `De tekst noemt gegevens van een cliënt van dit netwerk (${unique(clientFindings.map((f) => CLIENT_IDENTIFYING_KIND_PHRASE[f.kind]))}). Die staan alleen bij de cliënt zelf, zichtbaar voor wie ze mag zien. ${why} Er is niets opgeslagen.`
        : `De tekst bevat gegevens waarmee iemand te herkennen is (${unique(findings.map((f) => IDENTIFYING_KIND_PHRASE[f.kind]))}). ${why} Er is niets opgeslagen.`;
    throw new UnprocessableEntityException({ statusCode: 422, message, error: 'Unprocessable Entity', findings: all });
  }

  /** Rule (b): values of the network's clients whom the writer may see, with the refusal logged per case. */
  private async clientValues(
    viewer: Viewer,
    networkId: string,
    fields: TextField[],
    identity: ClientIdentity | null,
  ): Promise<IdentifyingFinding[]> {
    // Each distinct (kind, value) is hashed once, however often the text repeats it.
    const hashes = new Map<string, string>();
    const hashOf = (c: Candidate) => {
      const key = `${c.kind}\u0000${c.value}`;
      if (!hashes.has(key)) hashes.set(key, this.cipher.identifierHash(networkId, c.kind, c.value));
      return hashes.get(key)!;
    };
    const candidates = fields.flatMap(({ field, text }) => textCandidates(text).map((c) => ({ ...c, field, hash: hashOf(c) })));
    if (candidates.length === 0) return [];
    const matched: { caseId: string | null; candidate: Candidate & { field: string } }[] = [];

    // The client of a case being created: the writer brings it in, so they see it in full.
    if (identity) {
      const own = new Set(this.directory.hashesOf(networkId, identity));
      for (const c of candidates) if (own.has(c.hash)) matched.push({ caseId: null, candidate: c });
    }
    const holders = await this.directory.holdersOf(networkId, [...hashes.values()]);
    let role: DisclosureRole | null = null;
    if (holders.length > 0) {
      const writer = await this.writerLevels(viewer, networkId, [...new Set(holders.map((h) => h.caseId))]);
      const levels = writer.levels;
      role = writer.role;
      for (const h of holders) {
        const level = levels.get(h.caseId) ?? 'HIDDEN';
        for (const c of candidates.filter((c) => c.hash === h.hash)) {
          if (REVEALED_AT[c.kind].includes(level)) matched.push({ caseId: h.caseId, candidate: c });
        }
      }
    }
    if (matched.length === 0) return [];

    const refusedCases = [...new Set(matched.map((m) => m.caseId).filter((id): id is string => id !== null))];
    if (refusedCases.length > 0) {
      await this.accessLog.record(
        refusedCases.map((caseId) => ({
          viewer,
          role,
          networkId,
          caseId,
          action: 'TEXT_REFUSED' as const,
          level: null,
          context: null,
          outcome: 'DENIED' as const,
        })),
      );
    }
    const seen = new Set<string>();
    return matched
      .map(({ candidate: c }) => ({ kind: FINDING_KIND[c.kind], start: c.start, end: c.end, field: c.field, client: true as const }))
      .filter((f) => {
        const key = `${f.field}:${f.start}:${f.end}:${f.kind}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
  }

  /** The highest level the covenant gives the writer for each case, over all contexts. */
  private async writerLevels(
    viewer: Viewer,
    networkId: string,
    caseIds: string[],
  ): Promise<{ levels: Map<string, DisclosureLevel>; role: DisclosureRole | null }> {
    const facts = await this.directory.facts(networkId, caseIds);
    const levels = new Map<string, DisclosureLevel>();
    let role: DisclosureRole | null | undefined;
    for (const context of CONTEXTS) {
      // The role is looked up once and passed on for the other two contexts.
      const disclosure = await this.disclosures.forNetwork(
        viewer,
        networkId,
        context,
        facts.map((f) => f.id),
        role === undefined ? {} : { role },
      );
      role = disclosure.role;
      for (const f of facts) {
        const level = disclosure.decide(f).level;
        if (RANK[level] > RANK[levels.get(f.id) ?? 'HIDDEN']) levels.set(f.id, level);
      }
    }
    return { levels, role: role ?? null };
  }
}

const unique = (names: string[]) => [...new Set(names)].join(', ');

/** The @FreeText() strings of a DTO instance and the DTOs nested in it, with their paths ("sections.2.text"). */
function collect(dto: unknown, path: string, out: TextField[]): void {
  if (Array.isArray(dto)) {
    dto.forEach((item, i) => collect(item, `${path}${i}.`, out));
    return;
  }
  if (dto === null || typeof dto !== 'object') return;
  const fields = freeTextFields((dto as object).constructor);
  for (const [key, value] of Object.entries(dto)) {
    const options = fields.get(key);
    if (typeof value === 'string' && options) out.push({ field: `${path}${key}`, text: value, options });
    else if (typeof value === 'object' && value !== null) collect(value, `${path}${key}.`, out);
  }
}
