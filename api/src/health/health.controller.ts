import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiOkBody } from '../common/api-responses';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers and start scripts: up when the database answers. */
  @Public()
  @Get()
  @ApiOkBody('HealthView', 'De API en de database antwoorden.')
  async health(): Promise<{ status: 'ok' }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok' };
  }
}
