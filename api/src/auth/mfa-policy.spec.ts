import type { DisclosureMatrix } from '@casustafel/contract/covenant';
import { COVENANT_TEMPLATES } from '../covenants/covenant-templates';
import { secondFactorRequired, seesIdentities } from './mfa-policy';

const neighbourhood = COVENANT_TEMPLATES.NEIGHBOURHOOD.levels;
const oggz = COVENANT_TEMPLATES.OGGZ.levels;
/** Nobody sees more than the pseudonym. */
const strict: DisclosureMatrix = Object.fromEntries(
  Object.keys(neighbourhood).map((role) => [role, { MEETING: 'PSEUDONYM', DOSSIER: 'HIDDEN', MINUTES: 'PSEUDONYM' }]),
) as DisclosureMatrix;

describe('secondFactorRequired', () => {
  it('asks nobody with off and everyone with all, whatever their roles', () => {
    expect(secondFactorRequired('off', [{ role: 'COORDINATOR', matrix: neighbourhood }])).toBe(false);
    expect(secondFactorRequired('all', [])).toBe(true);
    expect(secondFactorRequired('all', [{ role: 'VOLUNTEER_REP', matrix: strict }])).toBe(true);
  });

  it('with identities, asks whoever may see a client above the pseudonym in any context of any network', () => {
    expect(secondFactorRequired('identities', [{ role: 'COORDINATOR', matrix: neighbourhood }])).toBe(true);
    // A shell partner sees initials in the neighbourhood meeting, the address in the OGGZ meeting.
    expect(secondFactorRequired('identities', [{ role: 'SHELL_PARTNER', matrix: neighbourhood }])).toBe(true);
    expect(secondFactorRequired('identities', [{ role: 'SHELL_PARTNER', matrix: oggz }])).toBe(true);
    // An OGGZ volunteer representative sees at most the pseudonym.
    expect(secondFactorRequired('identities', [{ role: 'VOLUNTEER_REP', matrix: oggz }])).toBe(false);
    expect(
      secondFactorRequired('identities', [
        { role: 'VOLUNTEER_REP', matrix: oggz },
        { role: 'VOLUNTEER_REP', matrix: neighbourhood },
      ]),
    ).toBe(true);
  });

  it('with identities, asks nobody without a role, or whose covenant shows only pseudonyms', () => {
    expect(secondFactorRequired('identities', [])).toBe(false);
    expect(secondFactorRequired('identities', [{ role: 'COORDINATOR', matrix: strict }])).toBe(false);
  });

  it('reads the matrix of the covenant in force, one context at a time', () => {
    const onlyMinutes: DisclosureMatrix = { ...strict, CORE_PARTNER: { MEETING: 'PSEUDONYM', DOSSIER: 'HIDDEN', MINUTES: 'ADDRESS' } };
    expect(seesIdentities({ role: 'CORE_PARTNER', matrix: onlyMinutes })).toBe(true);
    expect(seesIdentities({ role: 'COORDINATOR', matrix: onlyMinutes })).toBe(false);
  });
});
