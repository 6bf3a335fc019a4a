import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AccountToken } from './account-token.entity';
import { AccountTokens } from './account-tokens';
import { PasswordPolicy } from './password-policy';
import { PasswordHasher } from './password-hasher';
import { RecoveryCode } from './recovery-code.entity';
import { SecondFactorService } from './second-factor.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AccountToken, RecoveryCode]), OrganisationsModule, MailModule],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher, PasswordPolicy, AccountTokens, SecondFactorService],
  exports: [UsersService, SecondFactorService],
})
export class UsersModule {}
