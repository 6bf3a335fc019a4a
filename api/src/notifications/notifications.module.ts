import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionsModule } from '../actions/actions.module';
import { MailModule } from '../mail/mail.module';
import { Attendance } from '../meetings/attendance.entity';
import { MeetingsModule } from '../meetings/meetings.module';
import { NetworkRoleAssignment } from '../networks/network-role.entity';
import { NetworksModule } from '../networks/networks.module';
import { ClientPrivacyModule } from '../privacy/client-privacy.module';
import { NotificationSchedule } from './notification-schedule';
import { Notification, NotificationDigest, NotificationSetting } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotifierModule } from './notifier';

/**
 * Notifications (issue #14): the bell, the settings, the mails and the schedule. The modules where
 * things happen only know the Notifier (NotifierModule, which depends on nothing); this module
 * registers as its handler and decides who hears what.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, NotificationSetting, NotificationDigest, NetworkRoleAssignment, Attendance]),
    NotifierModule,
    MailModule,
    NetworksModule,
    ClientPrivacyModule,
    ActionsModule,
    MeetingsModule,
  ],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationSchedule],
  exports: [NotificationsService, NotificationSchedule],
})
export class NotificationsModule {}
