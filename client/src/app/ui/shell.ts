import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import { Language, LanguageService } from '../core/i18n';
import { Session } from '../core/session';
import { NotificationBell } from '../notifications/notification-bell';

/** The frame around every signed-in page: toolbar with network switcher and user menu, navigation, content. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatDividerModule,
    TranslocoPipe,
    NotificationBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; }
    .skip-link { position: absolute; left: -999px; top: 8px; z-index: 1000; background: var(--mat-sys-surface); padding: 8px 12px; }
    .skip-link:focus { left: 8px; }
    mat-toolbar { gap: 8px; background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); position: sticky; top: 0; z-index: 3; }
    mat-toolbar a.brand { color: inherit; text-decoration: none; font-weight: 500; font-size: 20px; margin-right: 16px; }
    mat-toolbar .mat-mdc-button, mat-toolbar .mat-mdc-icon-button { color: var(--mat-sys-on-primary); }
    .spacer { flex: 1; }
    .switcher-label { max-width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    mat-sidenav { width: 240px; }
    .nav-heading { font: var(--mat-sys-title-small); color: var(--mat-sys-on-surface-variant); padding: 16px 16px 4px; margin: 0; }
    .menu-identity { padding: 8px 16px; font: var(--mat-sys-body-medium); }
    .menu-identity small { display: block; color: var(--mat-sys-on-surface-variant); }
    main:focus { outline: none; }
    /* A phone's toolbar has no room for the network's name (the page's header shows it): the switcher keeps its icon,
       and its name for screen readers. */
    @media (max-width: 600px) {
      .user-name { display: none; }
      mat-toolbar a.brand { margin-right: 0; }
      .switcher-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    }
  `,
  template: `
    <a class="skip-link" href="#inhoud">{{ 'shell.skip' | transloco }}</a>
    <mat-toolbar>
      @if (compact()) {
        <button mat-icon-button type="button" (click)="nav.toggle()" [attr.aria-label]="'shell.menu' | transloco">
          <mat-icon>menu</mat-icon>
        </button>
      }
      <a class="brand" routerLink="/">Casustafel</a>
      @if (session.networks().length > 0) {
        <button mat-button type="button" [matMenuTriggerFor]="networkMenu" data-testid="network-switcher">
          <mat-icon>hub</mat-icon>
          <span class="switcher-label">{{ currentNetwork()?.name ?? ('shell.chooseNetwork' | transloco) }}</span>
          <mat-icon iconPositionEnd>arrow_drop_down</mat-icon>
        </button>
        <mat-menu #networkMenu="matMenu">
          @for (network of session.networks(); track network.id) {
            <a mat-menu-item [routerLink]="['/netwerken', network.id]">
              <span>{{ network.name }}</span>
            </a>
          }
        </mat-menu>
      }
      <span class="spacer"></span>
      <app-notification-bell />
      <!-- WCAG 2.5.3: the accessible name starts with the visible text (the user's name), then says it is the account menu. -->
      <button mat-button type="button" [matMenuTriggerFor]="userMenu" [attr.aria-label]="'shell.userMenuOf' | transloco: { name: me()?.name }" data-testid="account-menu">
        <mat-icon>account_circle</mat-icon>
        <span class="user-name">{{ me()?.name }}</span>
      </button>
      <mat-menu #userMenu="matMenu">
        <div class="menu-identity">
          {{ me()?.name }}
          <small>{{ me()?.organisation?.name }}</small>
        </div>
        <mat-divider />
        <a mat-menu-item routerLink="/account" data-testid="my-account">
          <mat-icon>manage_accounts</mat-icon>
          <span>{{ 'shell.account' | transloco }}</span>
        </a>
        <button mat-menu-item type="button" (click)="setLanguage(languages.language() === 'nl' ? 'en' : 'nl')" data-testid="language-toggle">
          <mat-icon>translate</mat-icon>
          <span>{{ 'shell.otherLanguage' | transloco }}</span>
        </button>
        <button mat-menu-item type="button" (click)="logout()" data-testid="logout">
          <mat-icon>logout</mat-icon>
          <span>{{ 'shell.logout' | transloco }}</span>
        </button>
      </mat-menu>
    </mat-toolbar>

    <!-- The page itself scrolls (not an inner region), so keyboard users scroll as everywhere else. -->
    <mat-sidenav-container class="app-shell-container">
      <mat-sidenav #nav [mode]="compact() ? 'over' : 'side'" [opened]="!compact()" [fixedInViewport]="true" [fixedTopGap]="64">
        <nav [attr.aria-label]="'shell.navigation' | transloco">
          <mat-nav-list>
            <a mat-list-item routerLink="/" routerLinkActive #home="routerLinkActive" [routerLinkActiveOptions]="{ exact: true }" [activated]="home.isActive" (click)="closeWhenCompact()">
              <mat-icon matListItemIcon>dashboard</mat-icon>
              <span matListItemTitle>{{ 'shell.overview' | transloco }}</span>
            </a>
            @if (!session.isAdmin()) {
              <a mat-list-item routerLink="/acties" routerLinkActive #acts="routerLinkActive" [activated]="acts.isActive" (click)="closeWhenCompact()">
                <mat-icon matListItemIcon>task_alt</mat-icon>
                <span matListItemTitle>{{ 'actions.title' | transloco }}</span>
              </a>
            }
            @if (session.networks().length > 0) {
              <h2 class="nav-heading">{{ 'shell.myNetworks' | transloco }}</h2>
              @for (network of session.networks(); track network.id) {
                <a mat-list-item [routerLink]="['/netwerken', network.id]" routerLinkActive #rla="routerLinkActive" [activated]="rla.isActive" (click)="closeWhenCompact()">
                  <mat-icon matListItemIcon>hub</mat-icon>
                  <span matListItemTitle>{{ network.name }}</span>
                </a>
              }
            }
            @if (session.isAdmin()) {
              <h2 class="nav-heading">{{ 'shell.administration' | transloco }}</h2>
              <a mat-list-item routerLink="/beheer/organisaties" routerLinkActive #o="routerLinkActive" [activated]="o.isActive" (click)="closeWhenCompact()">
                <mat-icon matListItemIcon>apartment</mat-icon>
                <span matListItemTitle>{{ 'admin.organisations.title' | transloco }}</span>
              </a>
              <a mat-list-item routerLink="/beheer/gebruikers" routerLinkActive #u="routerLinkActive" [activated]="u.isActive" (click)="closeWhenCompact()">
                <mat-icon matListItemIcon>group</mat-icon>
                <span matListItemTitle>{{ 'admin.users.title' | transloco }}</span>
              </a>
              <a mat-list-item routerLink="/beheer/netwerken" routerLinkActive #n="routerLinkActive" [activated]="n.isActive" (click)="closeWhenCompact()">
                <mat-icon matListItemIcon>lan</mat-icon>
                <span matListItemTitle>{{ 'admin.networks.title' | transloco }}</span>
              </a>
            }
          </mat-nav-list>
        </nav>
      </mat-sidenav>
      <mat-sidenav-content>
        <main id="inhoud" tabindex="-1">
          <router-outlet />
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly languages = inject(LanguageService);
  private readonly router = inject(Router);

  protected readonly me = this.session.me;
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1023px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  protected readonly currentNetwork = computed(() => {
    const id = /^\/netwerken\/([^/?#]+)/.exec(this.url())?.[1];
    return this.session.networks().find((n) => n.id === id) ?? null;
  });

  private readonly sidenav = viewChild.required<MatSidenav>('nav');

  protected closeWhenCompact(): void {
    if (this.compact()) void this.sidenav().close();
  }

  protected setLanguage(language: Language): void {
    void this.languages.use(language);
  }

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/inloggen']);
  }
}
