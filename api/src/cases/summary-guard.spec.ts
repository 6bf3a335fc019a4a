import { findBsnOrIban, isBsn, isIban } from '@casustafel/contract/validators';
import { summaryProblem } from './summary-guard';

const identity = {
  givenName: 'Gerrit', surname: 'Canarius', dateOfBirth: '1950-01-01', street: 'Kastanjelaan', houseNumber: '3', postcode: '3812AB', city: 'Amersfoort', phone: '06-98765432',
};

describe(summaryProblem.name, () => {
  it('accepts an ordinary description of the situation', () => {
    expect(summaryProblem('Oudere man, woning raakt vervuild, weigert hulp van de thuiszorg. Buren maken zich zorgen.', identity)).toBeNull();
  });

  it('does not mistake the particles of a surname ("van", "de") for the name', () => {
    expect(summaryProblem('Vrouw van in de tachtig, komt de deur niet meer uit.', { ...identity, surname: 'van de Oosterbeek' })).toBeNull();
    expect(summaryProblem('Mevrouw Oosterbeek komt de deur niet uit.', { ...identity, surname: 'van de Oosterbeek' })).not.toBeNull();
  });

  it.each([
    ['Meneer Canarius laat niemand binnen.', /naam, het adres/],
    ['Gerrit laat niemand binnen.', /naam, het adres/],
    ['Woont aan de Kastanjelaan, vervuiling.', /naam, het adres/],
    ['Postcode 3812 AB, vervuiling.', /naam, het adres/],
    ['Bereikbaar op 06 98765432.', /naam, het adres/],
    ['BSN 111222333 bekend bij gemeente.', /BSN/],
    ['Schuld op NL91ABNA0417164300.', /IBAN/],
  ])('rejects "%s"', (summary, message) => {
    expect(summaryProblem(summary, identity)).toMatch(message);
  });
});

describe('BSN and IBAN checks', () => {
  it('applies the 11-test and the IBAN checksum', () => {
    expect(isBsn('111222333')).toBe(true);
    expect(isBsn('111222334')).toBe(false);
    expect(isIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isIban('NL92ABNA0417164300')).toBe(false);
    expect(findBsnOrIban('telefoon 0612345678 en huisnummer 14')).toBeNull();
  });
});
