import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { componentTestProviders, settle } from '../testing/component-testing';
import { LoginPage } from './login-page';

/** What the server-drawn login form (client/src/login.js, ADR 0032) leaves for this page when it hands over. */
const HANDED_EMAIL = 'casustafel.inloggen.email';

describe(LoginPage.name, () => {
  let fixture: ComponentFixture<LoginPage>;
  const element = () => fixture.nativeElement as HTMLElement;
  const heading = () => element().querySelector('h2')?.textContent?.trim() ?? null;

  async function open(stap?: string): Promise<void> {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    fixture = TestBed.createComponent(LoginPage);
    if (stap) fixture.componentRef.setInput('stap', stap);
    fixture.detectChanges();
    await settle(fixture);
  }

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    sessionStorage.clear();
  });

  it('opens with the password step and the e-mail address the server-drawn form handed over, then forgets it', async () => {
    sessionStorage.setItem(HANDED_EMAIL, 'sanne@welzijn.example.nl');
    await open();
    expect(heading()).toBeNull();
    expect(element().querySelector<HTMLInputElement>('input[type="email"]')!.value).toBe('sanne@welzijn.example.nl');
    expect(sessionStorage.getItem(HANDED_EMAIL)).toBeNull();
  });

  it('opens with the second step when the form hands over after a password that needs it, its field focused', async () => {
    await open('code');
    expect(heading()).toBe('Tweede stap');
    const code = element().querySelector<HTMLInputElement>('[data-testid="mfa-code"]')!;
    expect(document.activeElement).toBe(code);
  });

  it('opens with the forgotten-password step, the typed address filled in', async () => {
    sessionStorage.setItem(HANDED_EMAIL, 'sanne@welzijn.example.nl');
    await open('vergeten');
    expect(heading()).toBe('Wachtwoord vergeten');
    expect(element().querySelector<HTMLInputElement>('[data-testid="forgot-email"]')!.value).toBe('sanne@welzijn.example.nl');
    expect(document.activeElement).toBe(element().querySelector('h2'));
  });

  it('ignores a step it does not know', async () => {
    await open('beheer');
    expect(heading()).toBeNull();
    expect(element().querySelector('input[type="email"]')).not.toBeNull();
  });
});
