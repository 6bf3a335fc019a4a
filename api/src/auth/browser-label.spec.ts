import { browserLabel } from './browser-label';

describe('browserLabel', () => {
  it('names the browser, its major version and the system', () => {
    expect(browserLabel('Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0')).toBe('Firefox 145 op Linux');
    expect(
      browserLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36'),
    ).toBe('Chrome 142 op Windows 10');
  });

  it('is null without a header, or for one it does not recognise', () => {
    expect(browserLabel(undefined)).toBeNull();
    expect(browserLabel('')).toBeNull();
    expect(browserLabel('curl-achtig')).toBeNull();
  });
});
