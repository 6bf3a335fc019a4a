import { capacityMismatch, governmentMismatch, roleMismatch } from './network.rules';

describe(roleMismatch.name, () => {
  const formal = { name: 'GGD', kind: 'FORMAL' as const };
  const informal = { name: 'Humanitas', kind: 'INFORMAL' as const };

  it('lets a volunteer organisation be represented from either ring', () => {
    expect(roleMismatch('VOLUNTEER_REP', informal, 'CORE')).toBeNull();
    expect(roleMismatch('VOLUNTEER_REP', informal, 'SHELL')).toBeNull();
  });

  it('names the organisation and the ring when a role does not fit', () => {
    expect(roleMismatch('CORE_PARTNER', formal, 'SHELL')).toBe(
      'Een kernpartner hoort bij een organisatie in de kern; GGD zit in de schil.',
    );
    expect(roleMismatch('SHELL_PARTNER', formal, 'CORE')).toBe(
      'Een schilpartner hoort bij een organisatie in de schil; GGD zit in de kern.',
    );
  });
});

describe(governmentMismatch.name, () => {
  const municipality = { name: 'Gemeente Amersfoort', kind: 'GOVERNMENT' as const };

  it('gives the municipality role only to a government organisation', () => {
    expect(governmentMismatch('MUNICIPALITY', municipality)).toBeNull();
    for (const kind of ['FORMAL', 'INFORMAL', 'HYBRID'] as const)
      expect(governmentMismatch('MUNICIPALITY', { name: 'Humanitas', kind })).toBe(
        'De rol gemeente is voor medewerkers van een overheidsorganisatie; Humanitas is geen overheidsorganisatie.',
      );
  });

  it("gives a government organisation's people no other role", () => {
    for (const role of ['COORDINATOR', 'CORE_PARTNER', 'SHELL_PARTNER', 'VOLUNTEER_REP'] as const)
      expect(governmentMismatch(role, municipality)).toBe(
        'Gemeente Amersfoort is een overheidsorganisatie: haar medewerkers kunnen in een netwerk alleen de rol gemeente krijgen.',
      );
  });
});

describe(capacityMismatch.name, () => {
  it('lets only informal and hybrid organisations record a capacity', () => {
    expect(capacityMismatch({ name: 'Humanitas', kind: 'INFORMAL' })).toBeNull();
    expect(capacityMismatch({ name: 'Buurtteam', kind: 'HYBRID' })).toBeNull();
    expect(capacityMismatch({ name: 'GGD', kind: 'FORMAL' })).toContain('GGD is een formele organisatie');
    expect(capacityMismatch({ name: 'Gemeente', kind: 'GOVERNMENT' })).toContain('Gemeente is een overheidsorganisatie');
  });
});
