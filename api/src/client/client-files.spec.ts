import { acceptedCodings } from './client-files';

describe(acceptedCodings.name, () => {
  it.each([
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip, deflate', ['gzip']],
    ['br', ['br']],
    ['br;q=0.5, gzip', ['gzip', 'br']],
    ['gzip;q=0.8, br;q=0.8', ['br', 'gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['BR; Q=1.0, GZIP', ['br', 'gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0.1, gzip', ['gzip', 'br']],
    ['x-gzip', ['gzip']],
    ['identity', []],
    ['', []],
    [undefined, []],
    ['br;q=oops, gzip', ['gzip']],
  ])('%p allows %p', (header, expected) => {
    expect(acceptedCodings(header)).toEqual(expected);
  });
});
