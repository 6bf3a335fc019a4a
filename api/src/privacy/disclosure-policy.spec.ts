import {
  COVENANT_ROLES,
  CONSENTS,
  DISCLOSURE_CONTEXTS,
  DISCLOSURE_LEVELS,
  type CovenantRole,
  type DisclosureLevel,
} from '@casustafel/contract/enums';
import { COVENANT_TEMPLATES } from '../covenants/covenant-templates';
import { decideDisclosure, readerLevel, type DisclosureFacts, type ViewerSide } from './disclosure-policy';

const matrix = COVENANT_TEMPLATES.NEIGHBOURHOOD.levels;
const oggz = COVENANT_TEMPLATES.OGGZ.levels;

const facts = (overrides: Partial<DisclosureFacts>): DisclosureFacts => ({
  context: 'DOSSIER',
  role: 'CORE_PARTNER',
  matrix,
  covenantVersion: 1,
  isSubmitter: false,
  isSubmittingOrganisation: false,
  holdsOpenAction: false,
  consent: 'GIVEN',
  consentOverrideReason: null,
  confidentialityValid: true,
  identityErased: false,
  ...overrides,
});

const rank = (level: DisclosureLevel) => DISCLOSURE_LEVELS.length - 1 - DISCLOSURE_LEVELS.indexOf(level);

describe(decideDisclosure.name, () => {
  // role, context, consent, submitter, action holder, accepted, erased, matrix → expected
  const table: [
    CovenantRole | null,
    DisclosureFacts['context'],
    DisclosureFacts['consent'],
    boolean,
    boolean,
    boolean,
    boolean,
    'N' | 'O',
    DisclosureLevel,
  ][] = [
    // 1. not a member
    [null, 'DOSSIER', 'GIVEN', false, false, true, false, 'N', 'HIDDEN'],
    [null, 'MEETING', 'GIVEN', true, true, true, false, 'N', 'HIDDEN'],
    // 2. the matrix
    ['COORDINATOR', 'DOSSIER', 'GIVEN', false, false, true, false, 'N', 'FULL'],
    ['COORDINATOR', 'MINUTES', 'GIVEN', false, false, true, false, 'N', 'INITIALS'],
    ['CORE_PARTNER', 'MEETING', 'GIVEN', false, false, true, false, 'N', 'FULL'],
    ['CORE_PARTNER', 'DOSSIER', 'GIVEN', false, false, true, false, 'N', 'INITIALS'],
    ['SHELL_PARTNER', 'MEETING', 'GIVEN', false, false, true, false, 'N', 'INITIALS'],
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', false, false, true, false, 'N', 'PSEUDONYM'],
    ['VOLUNTEER_REP', 'DOSSIER', 'GIVEN', false, false, true, false, 'N', 'PSEUDONYM'],
    ['GUEST', 'DOSSIER', 'GIVEN', false, false, true, false, 'N', 'HIDDEN'],
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', false, false, true, false, 'O', 'HIDDEN'],
    ['SHELL_PARTNER', 'MEETING', 'GIVEN', false, false, true, false, 'O', 'ADDRESS'],
    ['VOLUNTEER_REP', 'MINUTES', 'GIVEN', false, false, true, false, 'O', 'HIDDEN'],
    // 3. the submitter sees FULL in DOSSIER only
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', true, false, true, false, 'N', 'FULL'],
    ['VOLUNTEER_REP', 'DOSSIER', 'GIVEN', true, false, true, false, 'O', 'FULL'],
    ['SHELL_PARTNER', 'MINUTES', 'GIVEN', true, false, true, false, 'N', 'PSEUDONYM'],
    // 4. an open action lifts to at least ADDRESS in DOSSIER, never lowers
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', false, true, true, false, 'N', 'ADDRESS'],
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', false, true, true, false, 'O', 'ADDRESS'],
    ['CORE_PARTNER', 'DOSSIER', 'GIVEN', false, true, true, false, 'N', 'INITIALS'],
    ['SHELL_PARTNER', 'MINUTES', 'GIVEN', false, true, true, false, 'N', 'PSEUDONYM'],
    // 5. no consent caps all but coordinator and submitter at PSEUDONYM
    ['CORE_PARTNER', 'MEETING', 'NOT_ASKED', false, false, true, false, 'N', 'PSEUDONYM'],
    ['CORE_PARTNER', 'DOSSIER', 'REFUSED', false, false, true, false, 'N', 'PSEUDONYM'],
    ['SHELL_PARTNER', 'DOSSIER', 'REFUSED', false, true, true, false, 'N', 'PSEUDONYM'],
    ['COORDINATOR', 'DOSSIER', 'REFUSED', false, false, true, false, 'N', 'FULL'],
    ['SHELL_PARTNER', 'DOSSIER', 'REFUSED', true, false, true, false, 'N', 'FULL'],
    ['CORE_PARTNER', 'MEETING', 'OVERRIDE_OGGZ', false, false, true, false, 'O', 'FULL'],
    ['GUEST', 'DOSSIER', 'REFUSED', false, false, true, false, 'N', 'HIDDEN'],
    // 6. no valid confidentiality acceptance: at most PSEUDONYM, for everyone
    ['COORDINATOR', 'DOSSIER', 'GIVEN', false, false, false, false, 'N', 'PSEUDONYM'],
    ['CORE_PARTNER', 'MEETING', 'GIVEN', true, false, false, false, 'N', 'PSEUDONYM'],
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', true, false, false, false, 'N', 'PSEUDONYM'],
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', false, false, false, false, 'O', 'HIDDEN'],
    // 7. an erased identity: at most PSEUDONYM for everyone
    ['COORDINATOR', 'DOSSIER', 'GIVEN', false, false, true, true, 'N', 'PSEUDONYM'],
    ['SHELL_PARTNER', 'DOSSIER', 'GIVEN', true, true, true, true, 'N', 'PSEUDONYM'],
    ['GUEST', 'DOSSIER', 'GIVEN', false, false, true, true, 'O', 'HIDDEN'],
  ];

  it.each(table)(
    '%s in %s, consent %s, submitter %s, open action %s, accepted %s, erased %s (%s) → %s',
    (role, context, consent, isSubmitter, holdsOpenAction, confidentialityValid, identityErased, kind, expected) => {
      const decision = decideDisclosure(
        facts({
          role,
          context,
          consent,
          consentOverrideReason: consent === 'OVERRIDE_OGGZ' ? 'Acute vervuiling, brandgevaar voor de buren.' : null,
          isSubmitter,
          isSubmittingOrganisation: isSubmitter,
          holdsOpenAction,
          confidentialityValid,
          identityErased,
          matrix: kind === 'N' ? matrix : oggz,
        }),
      );
      expect(decision.level).toBe(expected);
    },
  );

  it('treats OVERRIDE_OGGZ without a recorded reason as no consent', () => {
    expect(decideDisclosure(facts({ consent: 'OVERRIDE_OGGZ', consentOverrideReason: null })).level).toBe('PSEUDONYM');
  });

  it('lets colleagues of the submitter follow the case under its pseudonym where the matrix hides it', () => {
    expect(decideDisclosure(facts({ role: 'SHELL_PARTNER', matrix: oggz, isSubmittingOrganisation: true })).level).toBe('PSEUDONYM');
  });

  it('explains the level in Dutch, naming the rule that decided it', () => {
    const decision = decideDisclosure(facts({ role: 'CORE_PARTNER', consent: 'REFUSED' }));
    expect(decision.explanation).toContain('privacyconvenant (versie 1)');
    expect(decision.explanation).toContain('geen toestemming');
    expect(decideDisclosure(facts({ confidentialityValid: false })).explanation).toContain('geheimhoudingsverklaring');
  });

  describe('over every combination', () => {
    const combinations: DisclosureFacts[] = [];
    for (const role of [...COVENANT_ROLES, 'MUNICIPALITY' as const, null])
      for (const context of DISCLOSURE_CONTEXTS)
        for (const consent of CONSENTS)
          for (const isSubmitter of [false, true])
            for (const holdsOpenAction of [false, true])
              for (const confidentialityValid of [false, true])
                for (const identityErased of [false, true])
                  for (const m of [matrix, oggz])
                    combinations.push(
                      facts({
                        role,
                        context,
                        consent,
                        isSubmitter,
                        isSubmittingOrganisation: isSubmitter,
                        holdsOpenAction,
                        confidentialityValid,
                        identityErased,
                        matrix: m,
                        consentOverrideReason: consent === 'OVERRIDE_OGGZ' ? 'onderbouwing' : null,
                      }),
                    );

    it('never shows more than the pseudonym without a valid acceptance or after erasure', () => {
      for (const f of combinations.filter((c) => !c.confidentialityValid || c.identityErased)) {
        expect(rank(decideDisclosure(f).level)).toBeLessThanOrEqual(rank('PSEUDONYM'));
      }
    });

    it('never shows more than the pseudonym without consent, except to the coordinator and the submitter', () => {
      for (const f of combinations.filter(
        (c) => (c.consent === 'NOT_ASKED' || c.consent === 'REFUSED') && c.role !== 'COORDINATOR' && !c.isSubmitter,
      )) {
        expect(rank(decideDisclosure(f).level)).toBeLessThanOrEqual(rank('PSEUDONYM'));
      }
    });

    it('hides every case from non-members', () => {
      for (const f of combinations.filter((c) => c.role === null)) expect(decideDisclosure(f).level).toBe('HIDDEN');
    });

    it('hides every case from the municipality, in every context, whatever the case or the matrix (ADR 0019)', () => {
      const municipality = combinations.filter((c) => c.role === 'MUNICIPALITY');
      expect(municipality.length).toBeGreaterThan(100);
      // Even its "own" case (as if it had submitted it or held an action) stays hidden: it is no covenant party.
      for (const f of municipality)
        for (const own of [false, true])
          expect(decideDisclosure({ ...f, isSubmitter: own, isSubmittingOrganisation: own, holdsOpenAction: own }).level).toBe('HIDDEN');
    });

    it('only ever raises the matrix level in DOSSIER, and only for the submitter or an action holder', () => {
      for (const f of combinations.filter((c) => c.role !== null && c.role !== 'MUNICIPALITY')) {
        const base = f.matrix[f.role as CovenantRole][f.context];
        const level = decideDisclosure(f).level;
        if (rank(level) > rank(base)) {
          expect(f.context).toBe('DOSSIER');
          expect(f.isSubmitter || f.holdsOpenAction).toBe(true);
        }
      }
    });
  });
});

describe(readerLevel.name, () => {
  const viewer = (overrides: Partial<ViewerSide>): ViewerSide => ({
    context: 'MINUTES',
    role: 'CORE_PARTNER',
    matrix,
    covenantVersion: 1,
    confidentialityValid: true,
    ...overrides,
  });

  it('is what the covenant gives the role in the context, for every role and context of both templates', () => {
    for (const levels of [matrix, oggz])
      for (const role of COVENANT_ROLES)
        for (const context of DISCLOSURE_CONTEXTS)
          expect(readerLevel(viewer({ matrix: levels, role, context })).level).toBe(levels[role][context]);
  });

  it('is capped at the pseudonym without a valid confidentiality acceptance, and hidden outside the network', () => {
    const full = viewer({ matrix: oggz, role: 'COORDINATOR', context: 'MINUTES' });
    expect(rank(readerLevel(full).level)).toBeGreaterThan(rank('PSEUDONYM'));
    const unaccepted = readerLevel({ ...full, confidentialityValid: false });
    expect(unaccepted.level).toBe('PSEUDONYM');
    expect(unaccepted.explanation).toContain('geheimhoudingsverklaring');
    expect(readerLevel({ ...full, role: null }).level).toBe('HIDDEN');
  });

  it('is never below what a real case shows the reader in MINUTES, and never above it with consent and identity kept', () => {
    for (const role of COVENANT_ROLES)
      for (const consent of CONSENTS) {
        const side = viewer({ matrix: oggz, role, context: 'MINUTES' });
        const real = decideDisclosure({ ...facts({ matrix: oggz, role, context: 'MINUTES' }), consent, consentOverrideReason: null });
        expect(rank(real.level)).toBeLessThanOrEqual(rank(readerLevel(side).level));
        if (consent === 'GIVEN') expect(real.level).toBe(readerLevel(side).level);
      }
  });
});
