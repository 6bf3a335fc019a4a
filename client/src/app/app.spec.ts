import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { App } from './app';

@Component({ template: '<p data-testid="page">login</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class LoginStandIn {}

describe(App.name, () => {
  afterEach(() => document.getElementById('login-shell')?.remove());

  function shell(): HTMLElement {
    const element = document.createElement('div');
    element.id = 'login-shell';
    document.body.append(element);
    return element;
  }

  it('removes the login page drawn without JavaScript once the first navigation has drawn the real page (ADR 0031)', async () => {
    shell();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([{ path: 'inloggen', component: LoginStandIn }])],
    });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    expect(document.getElementById('login-shell')).not.toBeNull();
    await TestBed.inject(Router).navigateByUrl('/inloggen');
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="page"]')).not.toBeNull();
    expect(document.getElementById('login-shell')).toBeNull();
  });

  it('keeps it while a guard redirects, and removes it after the page redirected to', async () => {
    shell();
    let redirected = false;
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([
          { path: 'inloggen', component: LoginStandIn },
          {
            path: 'overleggen',
            canActivate: [
              () => {
                redirected = true;
                return TestBed.inject(Router).parseUrl('/inloggen');
              },
            ],
            component: LoginStandIn,
          },
        ]),
      ],
    });
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    const seen: boolean[] = [];
    router.events.subscribe(() => seen.push(document.getElementById('login-shell') !== null));
    await router.navigateByUrl('/overleggen');
    await fixture.whenStable();
    expect(redirected).toBe(true);
    expect(router.url).toBe('/inloggen');
    // Present through the cancelled first navigation, gone once the second has been drawn.
    expect(seen.every((present) => present)).toBe(true);
    expect(document.getElementById('login-shell')).toBeNull();
  });
});
