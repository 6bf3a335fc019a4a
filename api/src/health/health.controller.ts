import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, ServiceUnavailableException, UseFilters } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthCheckView } from '@casustafel/contract/response-bodies';
import { ApiOkBody } from '../common/api-responses';
import { Public } from '../common/decorators';
import { ReadinessIndicators } from './health-indicators';

/** A failed readiness check answers 503 with terminus' own body (`{status: 'error', info, error, details}`), not the ApiError shape. */
@Catch(ServiceUnavailableException)
export class HealthCheckFailedFilter implements ExceptionFilter {
  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(503).json(exception.getResponse());
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checks: HealthCheckService,
    private readonly indicators: ReadinessIndicators,
  ) {}

  /** For load balancers and start scripts: up when the database answers. */
  @Public()
  @Get()
  @ApiOkBody('HealthView', 'De API en de database antwoorden.')
  async health(): Promise<{ status: 'ok' }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok' };
  }

  /** Liveness: the process runs and answers (no database: a slow database must not get the process restarted). */
  @Public()
  @Get('live')
  @ApiOkBody('HealthView', 'Het proces draait.')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers, every migration has run, and the mail outbox keeps up (HEALTH_MAIL_LAG_MINUTES). */
  @Public()
  @Get('ready')
  @UseFilters(HealthCheckFailedFilter)
  @ApiOkBody('HealthCheckView', 'Klaar om verzoeken te behandelen: elke controle is up.')
  @ApiServiceUnavailableResponse({
    description: 'Een controle is down (of de API wordt afgesloten); welke staat in error.',
    content: { 'application/json': { schema: { $ref: getSchemaPath('HealthCheckView') } } },
  })
  ready(): Promise<HealthCheckView> {
    return this.checks.check([
      () => this.indicators.database(),
      () => this.indicators.migrations(),
      () => this.indicators.mailOutbox(),
    ]) as Promise<HealthCheckView>;
  }
}
