import { HttpClient } from '@angular/common/http';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginResponse, MeView } from '@casustafel/contract/auth';
import { handlesErrors } from './http-context';

/** After the password: signed in, or a code from the authenticator app is asked first. */
export type LoginOutcome = 'signedIn' | 'mfaRequired';

const NO_MFA: MeView['mfa'] = { enabled: false, enrolmentRequired: false };
/** A mark in this browser that it had a session the last time it asked (no data: only whether). */
const HAD_SESSION_KEY = 'casustafel.sessie';

/** The signed-in user. `undefined` while loading, `null` when nobody is signed in. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly current = signal<MeView | null | undefined>(undefined);
  private readonly remember = effect(() => {
    const me = this.current();
    if (me === undefined) return;
    try {
      if (me) localStorage.setItem(HAD_SESSION_KEY, '1');
      else localStorage.removeItem(HAD_SESSION_KEY);
    } catch {
      // Private browsing: nothing to remember.
    }
  });

  readonly me = this.current.asReadonly();
  readonly isAdmin = computed(() => this.current()?.isAdmin ?? false);
  readonly networks = computed(() => this.current()?.networks ?? []);
  readonly mfa = computed(() => this.current()?.mfa ?? NO_MFA);

  /**
   * Whether this browser had a session when it last asked: the start-up can then fetch the signed-in part of the
   * client while /api/auth/me is under way (ADR 0025). A hint only; the server's answer decides.
   */
  static hadSession(): boolean {
    try {
      return localStorage.getItem(HAD_SESSION_KEY) === '1';
    } catch {
      return false;
    }
  }

  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.http.get<MeView>('/api/auth/me', handlesErrors())));
    } catch {
      this.current.set(null);
    }
  }

  /** Throws the HttpErrorResponse on failure, for the login form to show. */
  async login(email: string, password: string): Promise<LoginOutcome> {
    const res = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { email, password }, handlesErrors()));
    if (res.mfaRequired) return 'mfaRequired';
    this.current.set(res.user);
    return 'signedIn';
  }

  /** The second step of signing in: a code from the app or a recovery code. Throws for the form to show. */
  async verifyMfa(code: string): Promise<MeView> {
    await firstValueFrom(this.http.post<LoginResponse>('/api/auth/mfa/verify', { code }, handlesErrors()));
    return this.refresh();
  }

  /** Reloads the user after a change to their account (a second factor switched on or off). Throws on failure. */
  async refresh(): Promise<MeView> {
    const me = await firstValueFrom(this.http.get<MeView>('/api/auth/me', handlesErrors()));
    this.current.set(me);
    return me;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', {}, handlesErrors()));
    } finally {
      this.current.set(null);
    }
  }

  /** After a 401: the server no longer knows this session. */
  clear(): void {
    this.current.set(null);
  }
}
