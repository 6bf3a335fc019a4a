import { isBsn, isIban } from '@casustafel/contract/validators';
import { scanIdentifyingData } from './identifying-data';
import { WITH_IDENTIFYING_DATA, WITHOUT_IDENTIFYING_DATA } from './identifying-data.corpus';

const NOW = new Date('2026-11-22T12:00:00Z');

describe(scanIdentifyingData.name, () => {
  it('ships a corpus of at least 50 texts in each direction', () => {
    expect(WITH_IDENTIFYING_DATA.length).toBeGreaterThanOrEqual(50);
    expect(WITHOUT_IDENTIFYING_DATA.length).toBeGreaterThanOrEqual(50);
  });

  it.each(WITH_IDENTIFYING_DATA)('finds exactly what identifies in: %s', (text, expected) => {
    const found = scanIdentifyingData(text, NOW).map((f) => [f.kind, text.slice(f.start, f.end)]);
    expect(found).toEqual(expected);
  });

  it.each(WITHOUT_IDENTIFYING_DATA)('finds nothing in: %s', (text) => {
    expect(scanIdentifyingData(text, NOW).map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([]);
  });
});

describe('BSN 11-test and IBAN checksum', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts the valid BSN %s', (bsn) => expect(isBsn(bsn)).toBe(true));
  it.each(['111222334', '123456789', '000000000', '12345678'])('rejects %s', (bsn) => expect(isBsn(bsn)).toBe(false));
  it.each(['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'DE89370400440532013000', 'BE68539007547034'])('accepts the valid IBAN %s', (iban) =>
    expect(isIban(iban)).toBe(true),
  );
  it.each(['NL92ABNA0417164300', 'NL91ABNA0417164301', 'XX00'])('rejects %s', (iban) => expect(isIban(iban)).toBe(false));
  it('does not take a valid-looking nine-digit number that fails the 11-test for a BSN', () => {
    expect(scanIdentifyingData('Ordernummer 123456789 van de bezorging.', NOW)).toEqual([]);
  });
});
