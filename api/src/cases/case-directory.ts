import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { CaseFacts } from '../privacy/case-facts';
import { identifierValues } from '../privacy/client-identifiers';
import { IdentityCipher, type ClientIdentity } from '../privacy/identity-cipher';
import { Case } from './case.entity';
import { ClientIdentifier } from './client-identifier.entity';
import { ClientMatchKey } from './client-match-key.entity';

/**
 * What the privacy machinery needs to know about cases, without an identity: the facts the
 * disclosure policy decides on, and which cases a set of identifier hashes belongs to. Also
 * keeps those hashes in step with the encrypted identity.
 */
@Injectable()
export class CaseDirectory {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(ClientIdentifier) private readonly identifiers: Repository<ClientIdentifier>,
    @InjectRepository(ClientMatchKey) private readonly matchKeys: Repository<ClientMatchKey>,
    private readonly cipher: IdentityCipher,
  ) {}

  /** Facts of these cases of the network (others are ignored). */
  async facts(networkId: string, caseIds: string[]): Promise<CaseFacts[]> {
    if (caseIds.length === 0) return [];
    const found = await this.cases.find({
      where: { id: In([...new Set(caseIds)]), networkId },
      select: {
        id: true,
        networkId: true,
        number: true,
        pseudonym: true,
        submittedById: true,
        submittedByOrganisationId: true,
        consent: true,
        consentOverrideReason: true,
        identityErasedAt: true,
      },
    });
    return found;
  }

  /** The cases of the network holding any of these identifier hashes: one indexed query per 900 hashes, whatever the network's size. */
  async holdersOf(networkId: string, hashes: string[]): Promise<{ caseId: string; hash: string }[]> {
    const unique = [...new Set(hashes)];
    const out: { caseId: string; hash: string }[] = [];
    for (let i = 0; i < unique.length; i += 900) {
      const rows = await this.identifiers
        .createQueryBuilder('x')
        .select(['x.caseId', 'x.hash'])
        .where('x.networkId = :networkId AND x.hash IN (:...hashes)', { networkId, hashes: unique.slice(i, i + 900) })
        .getMany();
      out.push(...rows.map((r) => ({ caseId: r.caseId, hash: r.hash })));
    }
    return out;
  }

  /** The identifier hashes of an identity (for a case not stored yet, or to store them). */
  hashesOf(networkId: string, identity: ClientIdentity): string[] {
    return identifierValues(identity).map((v) => this.cipher.identifierHash(networkId, v.kind, v.value));
  }

  /** Writes the hashes of a case's identity and its installation-wide match key (ADR 0021), in the caller's transaction. */
  async index(manager: EntityManager, caseId: string, networkId: string, identity: ClientIdentity): Promise<void> {
    const repo = manager.getRepository(ClientIdentifier);
    await repo.delete({ caseId });
    const hashes = [...new Set(this.hashesOf(networkId, identity))];
    await repo.insert(hashes.map((hash) => ({ caseId, networkId, hash })));
    const keys = manager.getRepository(ClientMatchKey);
    await keys.delete({ caseId });
    const matchKey = this.cipher.matchKey(identity);
    if (matchKey) await keys.insert({ caseId, networkId, matchKey });
  }

  /** Removes them with the identity (retention, erasure): the blind indexes and the match key. */
  async forget(manager: EntityManager, caseId: string): Promise<void> {
    await manager.getRepository(ClientIdentifier).delete({ caseId });
    await manager.getRepository(ClientMatchKey).delete({ caseId });
  }

  /** The match key of a case's client; null when it has no identity (erased, or received without consent). */
  async matchKeyOf(caseId: string): Promise<string | null> {
    return (await this.matchKeys.findOneBy({ caseId }))?.matchKey ?? null;
  }

  /** The cases outside `exceptNetworkId` whose client has this match key, with their networks (no access check: the caller decides). */
  async holdersOfMatchKey(matchKey: string, exceptNetworkId: string): Promise<{ caseId: string; networkId: string }[]> {
    const rows = await this.matchKeys
      .createQueryBuilder('k')
      .select(['k.caseId', 'k.networkId'])
      .where('k.matchKey = :matchKey AND k.networkId <> :exceptNetworkId', { matchKey, exceptNetworkId })
      .getMany();
    return rows.map((r) => ({ caseId: r.caseId, networkId: r.networkId }));
  }
}
