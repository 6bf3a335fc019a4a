import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CovenantsModule } from '../covenants/covenants.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NetworksModule } from '../networks/networks.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttempt } from './login-attempt.entity';
import { MeService } from './me.service';
import { PasswordResetRequest } from './password-reset-request.entity';
import { MfaPolicyService } from './mfa-policy.service';
import { MfaController } from './mfa.controller';
import { MfaService } from './mfa.service';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Session, LoginAttempt, PasswordResetRequest]),
    UsersModule,
    NetworksModule,
    MeetingsModule,
    CovenantsModule,
  ],
  controllers: [AuthController, AccountController, MfaController],
  providers: [
    AuthService,
    MeService,
    AccountService,
    MfaService,
    MfaPolicyService,
    SessionsService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
