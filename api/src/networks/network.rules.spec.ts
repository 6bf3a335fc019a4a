import { roleMismatch } from './network.rules';

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
