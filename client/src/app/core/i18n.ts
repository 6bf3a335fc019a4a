import { DOCUMENT } from '@angular/common';
import { EnvironmentProviders, inject, Injectable, provideAppInitializer, signal } from '@angular/core';
import { provideTransloco, Translation, TranslocoLoader, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import nl from '../i18n/nl.json';

export type Language = 'nl' | 'en';
const STORAGE_KEY = 'casustafel.taal';

/**
 * Translations are bundled: Dutch, the default, in the first download (no extra request before the first page can show,
 * ADR 0025); English, second, loaded when chosen.
 */
@Injectable({ providedIn: 'root' })
class BundledLoader implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    return lang === 'en' ? import('../i18n/en.json').then((m) => m.default) : Promise.resolve(nl);
  }
}

/** The user's language: remembered in this browser, reflected in <html lang> and in date formats. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  readonly language = signal<Language>('nl');

  /** BCP 47 locale for dates and numbers. */
  locale(): string {
    return this.language() === 'en' ? 'en-GB' : 'nl-NL';
  }

  async use(language: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.language.set(language);
    this.document.documentElement.lang = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private browsing: the choice holds for this visit only.
    }
  }

  stored(): Language {
    try {
      return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
    } catch {
      return 'nl';
    }
  }
}

export function provideI18n(): EnvironmentProviders[] {
  return [
    ...provideTransloco({
      config: { availableLangs: ['nl', 'en'], defaultLang: 'nl', fallbackLang: 'nl', reRenderOnLangChange: true, prodMode: true },
      loader: BundledLoader,
    }),
    provideAppInitializer(() => {
      const languages = inject(LanguageService);
      return languages.use(languages.stored());
    }),
  ];
}
