import { csvCell } from './actions-export';

describe(csvCell.name, () => {
  it.each([
    ['=HYPERLINK("https://evil.example";"Klik hier")', `"'=HYPERLINK(""https://evil.example"";""Klik hier"")"`],
    ['+31 6 12345678', `"'+31 6 12345678"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises %j as text with a leading apostrophe, still quoted', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([['Huisbezoek afleggen'], ['2026-12-01'], [' =1+1 begint met een spatie'], ['Casus 2026-001 · Linde'], ['']])(
    'leaves %j as it is',
    (value) => {
      expect(csvCell(value)).toBe(`"${value}"`);
    },
  );
});
