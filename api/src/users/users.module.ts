import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PasswordHasher } from './password-hasher';
import { RecoveryCode } from './recovery-code.entity';
import { SecondFactorService } from './second-factor.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, RecoveryCode]), OrganisationsModule],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher, SecondFactorService],
  exports: [UsersService, SecondFactorService],
})
export class UsersModule {}
