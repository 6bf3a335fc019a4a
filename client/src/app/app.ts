import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, DOCUMENT, inject, Injector } from '@angular/core';
import { NavigationCancel, NavigationCancellationCode, NavigationEnd, NavigationError, Router, RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  constructor() {
    // The login form the server drew (#login-shell, ADR 0031, 0032), when it started the app, lies over it until the first
    // navigation has drawn the real page under it — the login page, or wherever the guards sent the visitor instead.
    const document = inject(DOCUMENT);
    const injector = inject(Injector);
    const shell = document.getElementById('login-shell');
    if (!shell) return;
    const events = inject(Router).events.subscribe((event) => {
      // A guard's redirect cancels this navigation and starts the one that ends on the page shown.
      const settled =
        event instanceof NavigationEnd ||
        event instanceof NavigationError ||
        (event instanceof NavigationCancel && event.code !== NavigationCancellationCode.Redirect);
      if (!settled) return;
      events.unsubscribe();
      afterNextRender(() => shell.remove(), { injector });
    });
    inject(DestroyRef).onDestroy(() => events.unsubscribe());
  }
}
