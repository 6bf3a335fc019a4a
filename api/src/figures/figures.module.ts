import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { FiguresExport } from './figures-export.service';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';

/** The network's figures (GET /api/networks/:id/figures, .csv, .pdf): SQL aggregates over what the other modules wrote. */
@Module({
  imports: [NetworksModule, PrivacyModule],
  controllers: [FiguresController],
  providers: [FiguresService, FiguresExport],
})
export class FiguresModule {}
