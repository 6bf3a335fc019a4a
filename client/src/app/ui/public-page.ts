import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n';

/**
 * The frame of a page outside the shell (signing in, choosing a password, a second step): one card in
 * the middle, the product's name, and the language switch below.
 */
@Component({
  selector: 'app-public-page',
  imports: [MatCardModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; place-items: center; min-height: 100vh; padding: 16px; box-sizing: border-box; background: var(--mat-sys-surface-container-low); }
    main { width: 100%; max-width: 460px; }
    :host(.wide) main { max-width: 560px; }
    mat-card { padding: 8px 8px 16px; }
    .brand { font: var(--mat-sys-title-medium); margin: 0 0 8px; color: var(--mat-sys-primary); }
    .footer { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-top: 16px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <main>
      <mat-card appearance="outlined">
        <mat-card-content>
          @if (brand()) {
            <p class="brand">Casustafel</p>
          }
          <ng-content />
          <div class="footer">
            <span>{{ 'login.confidential' | transloco }}</span>
            <button mat-button type="button" (click)="switchLanguage()" data-testid="language-toggle">
              {{ 'shell.otherLanguage' | transloco }}
            </button>
          </div>
        </mat-card-content>
      </mat-card>
    </main>
  `,
})
export class PublicPage {
  private readonly languages = inject(LanguageService);
  /** The product's name above the content (the login page has its own heading). */
  readonly brand = input(true);

  protected switchLanguage(): void {
    void this.languages.use(this.languages.language() === 'nl' ? 'en' : 'nl');
  }
}
