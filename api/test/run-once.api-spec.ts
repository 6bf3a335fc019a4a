import { DataSource } from 'typeorm';
import { RetentionService } from '../src/cases/retention.service';
import { RunOnce, withAdvisoryLock } from '../src/database/run-once';
import { NotificationSchedule } from '../src/notifications/notification-schedule';
import { useTestApp } from './support/use-test-app';

const onPostgres = !!process.env['TEST_DATABASE_URL'];
const postgresOnly = onPostgres ? it : it.skip;

/** Runs `hold` three times at once; true when no two were inside at the same time. */
async function oneAtATime(hold: (work: () => Promise<void>) => Promise<void>): Promise<boolean> {
  let inside = 0;
  let overlapped = false;
  const work = async () => {
    overlapped ||= ++inside > 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
    inside--;
  };
  await Promise.all([hold(work), hold(work), hold(work)]);
  return !overlapped;
}

/**
 * RunOnce (ADR 0026) on one instance, on SQLite and PostgreSQL alike: a job's slot runs once, a failed
 * run is not repeated in its slot, the next slot runs; the lock lets one holder in at a time. Two
 * instances are in two-instances.api-spec.ts (PostgreSQL only).
 */
describe('RunOnce', () => {
  const { t } = useTestApp();

  it('runs a slot once, records it, and runs the next one', async () => {
    const once = t.app.get(RunOnce);
    const work = jest.fn(async () => 'done');
    expect(await once.inSlot('test-job', 'A', work)).toEqual({ ran: true, result: 'done' });
    expect(await once.inSlot('test-job', 'A', work)).toEqual({ ran: false });
    expect(await once.inSlot('test-job', 'B', work)).toEqual({ ran: true, result: 'done' });
    expect(await once.inSlot('other-job', 'A', work)).toEqual({ ran: true, result: 'done' });
    expect(work).toHaveBeenCalledTimes(3);
    const rows = await t.app
      .get(DataSource)
      .query<{ finishedAt: unknown }[]>(`SELECT "finishedAt" FROM job_runs WHERE job = 'test-job' AND slot = 'A'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].finishedAt).not.toBeNull();
  });

  it('a run that fails keeps its slot (the next slot catches up)', async () => {
    const once = t.app.get(RunOnce);
    await expect(once.inSlot('failing-job', 'A', () => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
    expect(await once.inSlot('failing-job', 'A', async () => 1)).toEqual({ ran: false });
    expect(await once.inSlot('failing-job', 'B', async () => 2)).toEqual({ ran: true, result: 2 });
  });

  it('lets one holder of a lock in at a time', async () => {
    const once = t.app.get(RunOnce);
    expect(await oneAtATime((work) => once.exclusive('test-lock', work))).toBe(true);
  });

  postgresOnly("PostgreSQL's advisory lock alone keeps connections apart (as it keeps instances apart)", async () => {
    const db = t.app.get(DataSource);
    expect(await oneAtATime((work) => withAdvisoryLock(db, 'test-lock', work))).toBe(true);
  });

  it('the 03:00 retention and the ten-minute notification round run once per day and per ten minutes', async () => {
    const retention = t.app.get(RetentionService);
    const schedule = t.app.get(NotificationSchedule);
    expect(await retention.daily()).toBe(0);
    expect(await retention.daily()).toBeNull();
    expect(await schedule.tick()).toBe(0);
    expect(await schedule.tick()).toBeNull();
    t.clock.advanceMinutes(10);
    expect(await schedule.tick()).toBe(0);
    expect(await retention.daily()).toBeNull(); // still the same day
    t.clock.advanceDays(1);
    expect(await retention.daily()).toBe(0);
    expect(await retention.run()).toBe(0); // by hand it always runs
  });
});
