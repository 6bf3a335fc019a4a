import { Module } from '@nestjs/common';
import { NotifierModule } from '../notifications/notifier';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { UsersModule } from '../users/users.module';
import { QuestionMessage } from './question-message.entity';
import { Question } from './question.entity';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

@Module({
  imports: [
    NotifierModule,
    TypeOrmModule.forFeature([Question, QuestionMessage]),
    CasesModule,
    CovenantsModule,
    NetworksModule,
    OrganisationsModule,
    PrivacyModule,
    UsersModule,
  ],
  controllers: [QuestionsController],
  providers: [QuestionsService],
  exports: [QuestionsService],
})
export class QuestionsModule {}
