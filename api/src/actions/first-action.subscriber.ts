import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntitySubscriberInterface, type InsertEvent } from 'typeorm';
import { Case } from '../cases/case.entity';
import { Action } from './action.entity';

/**
 * Keeps cases.firstActionAt — the moment of the first action on the case, for the network's figures
 * (issue #13) — as every insert of an action goes through TypeORM: in the same transaction as the insert,
 * the case's moment becomes the action's when it had none or a later one. Actions are never deleted and
 * never moved to another case (a correction changes the description, the due date or the owner), so it
 * stays the earliest createdAt of the case's actions; the migration FiguresCovering back-filled it.
 */
@Injectable()
export class FirstActionSubscriber implements EntitySubscriberInterface<Action> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof Action {
    return Action;
  }

  async afterInsert(event: InsertEvent<Action>): Promise<void> {
    const { caseId, createdAt } = event.entity;
    if (!caseId || !createdAt) return;
    await event.manager
      .createQueryBuilder()
      .update(Case)
      .set({ firstActionAt: createdAt })
      .where('"id" = :caseId AND ("firstActionAt" IS NULL OR "firstActionAt" > :createdAt)', { caseId, createdAt })
      .callListeners(false)
      .execute();
  }
}
