import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@casustafel/contract/limits';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type StrengthLevel = 'weak' | 'fair' | 'strong';

interface Estimate {
  score: number;
  /** A translation key under password.reason, or null. */
  warning: string | null;
}

/**
 * zxcvbn-ts with its dictionaries is large: it loads on the first password typed, in its own chunk,
 * so the main bundle does not carry it. Set up as on the server (api/src/users/password-policy.ts):
 * the same dictionaries and no translations, so the warning is a key we translate ourselves.
 */
let loaded: Promise<ZxcvbnFactory> | undefined;
function estimator(): Promise<ZxcvbnFactory> {
  loaded ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-nl-be'),
  ]).then(
    ([core, common, en, nl]) =>
      new core.ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary } }),
  );
  return loaded;
}

/** The words the server also counts against a password: the name and its parts, the e-mail address and its parts, "casustafel". */
export function strengthInputs(person: { name?: string | null; email?: string | null }): string[] {
  const name = person.name ?? '';
  const email = (person.email ?? '').toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  return [name, ...name.split(/\s+/), email, local, ...local.split(/[._+-]+/), ...domain.split('.'), 'casustafel'].filter(
    (part) => part.length >= 3,
  );
}

/** zxcvbn-ts warnings we explain (the server gives the same reasons when it refuses). */
const WARNINGS = new Set([
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'pwned',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
]);

/**
 * How strong a new password is, as the server will judge it (zxcvbn-ts, score 3 or more, at least
 * 12 characters): a bar and a word (weak, fair, strong), with the estimator's warning when it has one.
 */
@Component({
  selector: 'app-password-strength',
  imports: [MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; margin: -4px 0 8px; }
    mat-progress-bar { border-radius: 4px; }
    .weak { --mat-progress-bar-active-indicator-color: var(--mat-sys-error); }
    .fair { --mat-progress-bar-active-indicator-color: #8a5a00; }
    .strong { --mat-progress-bar-active-indicator-color: #1b6e2a; }
    p { margin: 4px 0 0; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .level { font-weight: 500; color: var(--mat-sys-on-surface); }
  `,
  template: `
    <mat-progress-bar mode="determinate" [value]="percent()" [class]="level()" [attr.aria-label]="'password.strength.label' | transloco" />
    <p aria-live="polite" data-testid="password-strength">
      @if (password()) {
        <span class="level">
          @switch (level()) {
            @case ('strong') { {{ 'password.strength.strong' | transloco }} }
            @case ('fair') { {{ 'password.strength.fair' | transloco }} }
            @default { {{ 'password.strength.weak' | transloco }} }
          }
        </span>
      }
      @if (tooShort()) {
        @if (password()) {
          ·
        }
        {{ 'password.strength.minLength' | transloco: { min: minLength } }}
      } @else if (level() !== 'strong' && estimate()?.warning; as warning) {
        · {{ warning | transloco }}
      }
    </p>
  `,
})
export class PasswordStrength {
  readonly password = input<string>('');
  /** The user's name and e-mail address when known. */
  readonly person = input<{ name?: string | null; email?: string | null }>({});

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly estimate = signal<Estimate | null>(null);
  protected readonly tooShort = computed(() => this.password().length < PASSWORD_MIN_LENGTH);
  readonly level = computed<StrengthLevel>(() => {
    const score = this.estimate()?.score ?? 0;
    if (this.tooShort() || score <= 1) return 'weak';
    return score === 2 ? 'fair' : 'strong';
  });
  protected readonly percent = computed(() => {
    if (!this.password()) return 0;
    const score = this.estimate()?.score ?? 0;
    return this.tooShort() ? Math.min(20, score * 10 + 10) : (score + 1) * 20;
  });

  constructor() {
    effect(() => {
      const password = this.password();
      const inputs = strengthInputs(this.person());
      if (!password) {
        this.estimate.set(null);
        return;
      }
      void estimator().then((zxcvbn) => {
        if (this.password() !== password) return;
        const result = zxcvbn.check(password, inputs);
        const warning = result.feedback.warning;
        this.estimate.set({ score: result.score, warning: warning && WARNINGS.has(warning) ? `password.reason.${warning}` : null });
      });
    });
  }
}
