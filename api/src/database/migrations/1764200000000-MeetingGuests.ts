import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

export class MeetingGuests1764200000000 implements MigrationInterface {
  name = 'MeetingGuests1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({ name: 'meeting_guests', columns: [c.id('meetingId'), c.id('userId'), c.text('itemIds'), c.timestamp('invitedAt')] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('meeting_guests');
  }
}
