import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module';
import { NetworksModule } from '../networks/networks.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttempt } from './login-attempt.entity';
import { MeService } from './me.service';
import { Session } from './session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Session, LoginAttempt]), UsersModule, NetworksModule, MeetingsModule],
  controllers: [AuthController],
  providers: [AuthService, MeService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
