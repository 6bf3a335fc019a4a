import { Module } from '@nestjs/common';
import { NotifierModule } from '../notifications/notifier';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ActionEvent } from './action-event.entity';
import { Action } from './action.entity';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';
import { FirstActionSubscriber } from './first-action.subscriber';
import { OpenActionHolders } from './open-action-holders';

@Module({
  imports: [TypeOrmModule.forFeature([Action, ActionEvent]), NetworksModule, OrganisationsModule, UsersModule, NotifierModule],
  controllers: [ActionsController],
  providers: [ActionsService, OpenActionHolders, FirstActionSubscriber],
  exports: [ActionsService, OpenActionHolders],
})
export class ActionsModule {}
