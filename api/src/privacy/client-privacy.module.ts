import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CasesModule } from '../cases/cases.module';
import { CaseLabels } from './case-labels';
import { FreeTextGuard } from './free-text-guard';
import { FreeTextInterceptor } from './free-text.interceptor';
import { PrivacyModule } from './privacy.module';

/**
 * The privacy rules that need cases as well as the disclosure policy: the identity guard for free
 * text and the one case label per viewer. Global, because modules below the cases (covenants,
 * actions) guard and label too; they depend on these services, not on CasesModule.
 */
@Global()
@Module({
  imports: [CasesModule, PrivacyModule],
  providers: [FreeTextGuard, CaseLabels, { provide: APP_INTERCEPTOR, useClass: FreeTextInterceptor }],
  exports: [FreeTextGuard, CaseLabels],
})
export class ClientPrivacyModule {}
