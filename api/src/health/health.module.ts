import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessage } from '../mail/mail-message.entity';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './health-indicators';

/** /api/health, /api/health/live and /api/health/ready (ADR 0023): public, and without any personal data in their answers. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), TypeOrmModule.forFeature([MailMessage])],
  controllers: [HealthController],
  providers: [ReadinessIndicators],
})
export class HealthModule {}
