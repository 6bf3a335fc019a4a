import { accessLogKeys, expectedHash, KEYED_CHAIN, keyedHash, legacyHash, type ChainFields } from './access-log-chain';

const legacy: ChainFields = {
  seq: 7,
  eventId: null,
  at: new Date('2026-03-01T12:34:56.789Z'),
  userId: '11111111-1111-4111-8111-111111111111',
  organisationId: '22222222-2222-4222-8222-222222222222',
  role: 'CORE_PARTNER',
  networkId: '33333333-3333-4333-8333-333333333333',
  caseId: '44444444-4444-4444-8444-444444444444',
  questionId: null,
  action: 'VIEW',
  level: 'INITIALS',
  context: 'DOSSIER',
  ip: '::1',
  outcome: 'OK',
  objectType: null,
  objectId: null,
  subjectUserId: null,
  subjectOrganisationId: null,
  subjectRole: null,
  chain: null,
  prevHash: 'ab'.repeat(32),
};

describe('access log chain', () => {
  it('hashes entries of earlier versions exactly as those versions did (vectors from the SHA-256 implementation)', () => {
    expect(legacyHash(legacy)).toBe('cbffe232340bedbdaece84aacf9fc9357b89a0b02dbe08adfa0d820cd3c87076');
    const questionRead = { ...legacy, caseId: null, questionId: '55555555-5555-4555-8555-555555555555', level: null };
    expect(legacyHash(questionRead)).toBe('afbfc82f8df685ec4331dfd047d889d9861565d09278048f34c2698f6edad02f');
    expect(expectedHash(Buffer.alloc(32), legacy)).toBe(legacyHash(legacy));
  });

  it('keys new entries with the data key: another key, or any changed field, gives another hash', () => {
    const { chainKey, anchorKey } = accessLogKeys(Buffer.alloc(32, 7));
    expect(chainKey.equals(anchorKey)).toBe(false);
    const keyed: ChainFields = {
      ...legacy,
      chain: KEYED_CHAIN,
      eventId: '66666666-6666-4666-8666-666666666666',
      outcome: 'DENIED',
      objectType: 'CASE',
      objectId: legacy.caseId,
      subjectRole: 'GUEST',
    };
    const hash = keyedHash(chainKey, keyed);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(expectedHash(chainKey, keyed)).toBe(hash);
    expect(keyedHash(accessLogKeys(Buffer.alloc(32, 8)).chainKey, keyed)).not.toBe(hash);
    for (const field of Object.keys(keyed) as (keyof ChainFields)[]) {
      if (field === 'chain' || field === 'at') continue;
      expect({ field, same: keyedHash(chainKey, { ...keyed, [field]: field === 'seq' ? 8 : 'x' }) === hash }).toEqual({
        field,
        same: false,
      });
    }
    expect(keyedHash(chainKey, { ...keyed, at: new Date(keyed.at.getTime() + 1) })).not.toBe(hash);
  });

  it('knows no hash for an unknown chain marker', () => {
    expect(expectedHash(Buffer.alloc(32), { ...legacy, chain: 'MD5' })).toBeNull();
  });
});
