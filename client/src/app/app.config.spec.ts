import { isBehindSignIn } from './app.config';

describe('isBehindSignIn', () => {
  it('holds for the pages in the signed-in shell, so their code is fetched while the session is checked', () => {
    for (const path of ['/netwerken/n1/casussen', '/overleggen/m1', '/account', '/account/meldingen', '/beheer', '/acties'])
      expect([path, isBehindSignIn(path)]).toEqual([path, true]);
  });

  it('does not hold for the pages outside the shell, nor for the start page a visitor without a session is sent on from', () => {
    for (const path of ['/', '/inloggen', '/account/activeren', '/account/herstellen', '/account/tweede-stap'])
      expect([path, isBehindSignIn(path)]).toEqual([path, false]);
  });
});
