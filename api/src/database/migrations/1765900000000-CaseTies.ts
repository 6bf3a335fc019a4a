import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The case list flat from 1,000 to 100,000 cases (issue #15, ADR 0030). Two tables kept by database triggers,
 * in the transaction of every write to `cases` and `actions` (whoever writes: the services, the retention job,
 * the load generator, a fixture):
 *
 * - `case_ties`: one row per case and organisation tied to it — the organisation brought it in (`submitted`)
 *   and/or holds `openActions` open actions on it — with the case's kind for that organisation as the
 *   disclosure policy numbers it (case-kind.ts, without the viewer's own bit 1): 2 brought in, 4 open
 *   action, 8 identity erased, 16 × the consent kind. No names, no text: ids and small numbers.
 * - `case_counts`: how many cases of a network have each kind, per organisation for its tied cases and under
 *   `organisationId = ''` for all cases of the network (kind without the tie bits). Updated by
 *   `INSERT … ON CONFLICT DO UPDATE SET n = n + d`, so two instances on one PostgreSQL count right (ADR 0026).
 *
 * The consent kinds are written out here as CONSENT_KINDS numbers them today (disclosure-policy.ts); the
 * consistency spec (case-ties.api-spec.ts) compares both tables with what is derived from scratch.
 */
export class CaseTies1765900000000 implements MigrationInterface {
  name = 'CaseTies1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    // The cases a viewer brought in for another organisation than theirs, counted apart (CasesService.countShown).
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_network_submitter_org', columnNames: ['networkId', 'submittedById', 'submittedByOrganisationId'] }),
    );
    // Where SQLite keeps statistics (a database someone ran ANALYZE on, as the load generator does), a new index
    // without them looked cheapest, and so did one whose statistics were newer than its neighbours': the case list
    // sorted the whole network instead of reading it in order (1.4 s at 100,000 cases). The table's indexes anew, together.
    if (!postgres && (await queryRunner.query(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`)).length) {
      await queryRunner.query(`ANALYZE "cases"`);
    }
    await queryRunner.query(
      `CREATE TABLE "case_ties" ("networkId" varchar(36) NOT NULL, "organisationId" varchar(36) NOT NULL, "caseId" varchar(36) NOT NULL, ` +
        `"submitted" integer NOT NULL, "openActions" integer NOT NULL, "kind" integer NOT NULL, PRIMARY KEY ("organisationId", "caseId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_ties_case" ON "case_ties" ("caseId")`);
    await queryRunner.query(
      `CREATE TABLE "case_counts" ("networkId" varchar(36) NOT NULL, "organisationId" varchar(36) NOT NULL, "kind" integer NOT NULL, ` +
        `"n" integer NOT NULL, PRIMARY KEY ("networkId", "organisationId", "kind"))`,
    );
    // The backfill, in SQL: every case's submitting organisation and every open action's owner, grouped per case and organisation.
    await queryRunner.query(
      `INSERT INTO "case_ties" ("networkId", "organisationId", "caseId", "submitted", "openActions", "kind") ` +
        `SELECT c."networkId", o."org", c."id", MAX(o."s"), SUM(o."a"), 2 * MAX(o."s") + (CASE WHEN SUM(o."a") > 0 THEN 4 ELSE 0 END) + ${bits('c')} ` +
        `FROM (SELECT "id" AS "caseId", "submittedByOrganisationId" AS "org", 1 AS "s", 0 AS "a" FROM "cases" ` +
        `UNION ALL SELECT "caseId", "ownerOrganisationId", 0, 1 FROM "actions" WHERE ${open('"actions"')}) o ` +
        `JOIN "cases" c ON c."id" = o."caseId" GROUP BY c."id", o."org"`,
    );
    await queryRunner.query(
      `INSERT INTO "case_counts" ("networkId", "organisationId", "kind", "n") ` +
        `SELECT "networkId", "organisationId", "kind", COUNT(*) FROM "case_ties" GROUP BY "networkId", "organisationId", "kind"`,
    );
    await queryRunner.query(
      `INSERT INTO "case_counts" ("networkId", "organisationId", "kind", "n") ` +
        `SELECT k."networkId", '', k."kind", COUNT(*) FROM (SELECT c."networkId", ${bits('c')} AS "kind" FROM "cases" c) k GROUP BY k."networkId", k."kind"`,
    );
    for (const trigger of TRIGGERS.filter((t) => !(postgres && t.sqliteOnly))) {
      if (postgres) {
        await queryRunner.query(
          `CREATE FUNCTION "${trigger.name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${trigger.body(true).join('; ')}; RETURN NULL; END $$`,
        );
        await queryRunner.query(
          `CREATE TRIGGER "${trigger.name}" AFTER ${trigger.event} ON "${trigger.table}" FOR EACH ROW ` +
            `${trigger.when ? `WHEN (${trigger.when(true)}) ` : ''}EXECUTE FUNCTION "${trigger.name}"()`,
        );
      } else {
        await queryRunner.query(
          `CREATE TRIGGER "${trigger.name}" AFTER ${trigger.event} ON "${trigger.table}" FOR EACH ROW ` +
            `${trigger.when ? `WHEN (${trigger.when(false)}) ` : ''}BEGIN ${trigger.body(false).join('; ')}; END`,
        );
      }
    }
    if (postgres) {
      for (const trigger of STATEMENT_TRIGGERS) {
        await queryRunner.query(
          `CREATE FUNCTION "${trigger.name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${trigger.body}; RETURN NULL; END $$`,
        );
        const referencing =
          trigger.event === 'INSERT'
            ? 'NEW TABLE AS "added"'
            : trigger.event === 'DELETE'
              ? 'OLD TABLE AS "removed"'
              : 'OLD TABLE AS "removed" NEW TABLE AS "added"';
        await queryRunner.query(
          `CREATE TRIGGER "${trigger.name}" AFTER ${trigger.event} ON "${trigger.table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION "${trigger.name}"()`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const triggers = postgres ? [...TRIGGERS.filter((t) => !t.sqliteOnly), ...STATEMENT_TRIGGERS] : TRIGGERS;
    for (const trigger of [...triggers].reverse()) {
      await queryRunner.query(`DROP TRIGGER "${trigger.name}"${postgres ? ` ON "${trigger.table}"` : ''}`);
      if (postgres) await queryRunner.query(`DROP FUNCTION "${trigger.name}"()`);
    }
    await queryRunner.query(`DROP TABLE "case_counts"`);
    await queryRunner.query(`DROP TABLE "case_ties"`);
    await queryRunner.dropIndex('cases', 'IDX_cases_network_submitter_org');
  }
}

/** A case's own bits of its kind: 8 identity erased, 16 × the consent kind (5, a kind no policy shows, for an unknown consent). */
function bits(row: string): string {
  const c = (column: string) => `${row}."${column}"`;
  return (
    `((CASE WHEN ${c('identityErasedAt')} IS NOT NULL THEN 8 ELSE 0 END) + 16 * (CASE ` +
    `WHEN ${c('consent')} = 'GIVEN' THEN 0 WHEN ${c('consent')} = 'NOT_ASKED' THEN 1 WHEN ${c('consent')} = 'REFUSED' THEN 2 ` +
    `WHEN ${c('consent')} = 'OVERRIDE_OGGZ' AND ${c('consentOverrideReason')} <> '' THEN 3 WHEN ${c('consent')} = 'OVERRIDE_OGGZ' THEN 4 ELSE 5 END))`
  );
}

/** An action that ties its owner to its case: on a case and open (OPEN_ACTION_STATUSES). */
function open(row: string): string {
  return `(${row}."caseId" IS NOT NULL AND ${row}."status" IN ('OPEN', 'IN_PROGRESS'))`;
}

/** Adds `d` to a counter, creating it when it is not there. */
function count(networkId: string, organisationId: string, kind: string, d: number): string {
  return (
    `INSERT INTO "case_counts" ("networkId", "organisationId", "kind", "n") VALUES (${networkId}, ${organisationId}, ${kind}, ${d}) ` +
    `ON CONFLICT ("networkId", "organisationId", "kind") DO UPDATE SET "n" = "case_counts"."n" + ${d}`
  );
}

/** The ties of a new (or changed) case: its submitting organisation and the owners of open actions on it. */
function tiesOf(row: string): string {
  const c = (column: string) => `${row}."${column}"`;
  return (
    `INSERT INTO "case_ties" ("networkId", "organisationId", "caseId", "submitted", "openActions", "kind") ` +
    `SELECT ${c('networkId')}, o."org", ${c('id')}, MAX(o."s"), SUM(o."a"), 2 * MAX(o."s") + (CASE WHEN SUM(o."a") > 0 THEN 4 ELSE 0 END) + ${bits(row)} ` +
    `FROM (SELECT ${c('submittedByOrganisationId')} AS "org", 1 AS "s", 0 AS "a" ` +
    `UNION ALL SELECT a."ownerOrganisationId", 0, 1 FROM "actions" a WHERE a."caseId" = ${c('id')} AND ${open('a')}) o GROUP BY o."org"`
  );
}

/** An open action's owner holds one more open action on its case. */
function hold(row: string): string {
  return (
    `INSERT INTO "case_ties" ("networkId", "organisationId", "caseId", "submitted", "openActions", "kind") ` +
    `SELECT c."networkId", ${row}."ownerOrganisationId", c."id", 0, 1, 4 + ${bits('c')} FROM "cases" c WHERE c."id" = ${row}."caseId" ` +
    `ON CONFLICT ("organisationId", "caseId") DO UPDATE SET "openActions" = "case_ties"."openActions" + 1, "kind" = ("case_ties"."kind" | 4)`
  );
}

/** One open action fewer; the tie goes when nothing is left of it. */
function release(row: string): string[] {
  const where = `"organisationId" = ${row}."ownerOrganisationId" AND "caseId" = ${row}."caseId"`;
  return [
    `UPDATE "case_ties" SET "openActions" = "openActions" - 1, "kind" = (CASE WHEN "openActions" > 1 THEN "kind" ELSE "kind" - 4 END) WHERE ${where}`,
    `DELETE FROM "case_ties" WHERE ${where} AND "submitted" = 0 AND "openActions" = 0`,
  ];
}

/** Whether an update of an action leaves its tie as it was (the same owner and case, open before and after). */
const sameTie = `(${open('OLD')} AND ${open('NEW')} AND OLD."ownerOrganisationId" = NEW."ownerOrganisationId" AND OLD."caseId" = NEW."caseId")`;

interface Trigger {
  name: string;
  /** Kept on PostgreSQL by a statement trigger instead (STATEMENT_TRIGGERS). */
  sqliteOnly?: boolean;
  table: string;
  event: string;
  when?: (postgres: boolean) => string;
  body: (postgres: boolean) => string[];
}

const TRIGGERS: Trigger[] = [
  {
    name: 'TRG_cases_ties_insert',
    sqliteOnly: true,
    table: 'cases',
    event: 'INSERT',
    body: (postgres) => [...(postgres ? [] : [count('NEW."networkId"', `''`, bits('NEW'), 1)]), tiesOf('NEW')],
  },
  {
    name: 'TRG_cases_ties_delete',
    table: 'cases',
    event: 'DELETE',
    body: (postgres) => [
      ...(postgres ? [] : [count('OLD."networkId"', `''`, bits('OLD'), -1)]),
      `DELETE FROM "case_ties" WHERE "caseId" = OLD."id"`,
    ],
  },
  {
    // Erasure changes bit 8; the rest does not change today, but a change of any of them is counted again.
    name: 'TRG_cases_ties_update',
    table: 'cases',
    event: 'UPDATE OF "identityErasedAt", "consent", "consentOverrideReason", "networkId", "submittedByOrganisationId"',
    when: () =>
      `OLD."networkId" <> NEW."networkId" OR OLD."submittedByOrganisationId" <> NEW."submittedByOrganisationId" OR ${bits('OLD')} <> ${bits('NEW')}`,
    body: (postgres) => [
      ...(postgres ? [] : [count('OLD."networkId"', `''`, bits('OLD'), -1), count('NEW."networkId"', `''`, bits('NEW'), 1)]),
      `DELETE FROM "case_ties" WHERE "caseId" = NEW."id"`,
      tiesOf('NEW'),
    ],
  },
  {
    name: 'TRG_actions_ties_insert',
    sqliteOnly: true,
    table: 'actions',
    event: 'INSERT',
    when: () => open('NEW'),
    body: () => [hold('NEW')],
  },
  { name: 'TRG_actions_ties_delete', table: 'actions', event: 'DELETE', when: () => open('OLD'), body: () => release('OLD') },
  {
    name: 'TRG_actions_ties_release',
    table: 'actions',
    event: 'UPDATE OF "status", "ownerOrganisationId", "caseId"',
    when: () => `${open('OLD')} AND NOT ${sameTie}`,
    body: () => release('OLD'),
  },
  {
    name: 'TRG_actions_ties_hold',
    table: 'actions',
    event: 'UPDATE OF "status", "ownerOrganisationId", "caseId"',
    when: () => `${open('NEW')} AND NOT ${sameTie}`,
    body: () => [hold('NEW')],
  },
  {
    name: 'TRG_case_ties_insert',
    sqliteOnly: true,
    table: 'case_ties',
    event: 'INSERT',
    body: () => [count('NEW."networkId"', 'NEW."organisationId"', 'NEW."kind"', 1)],
  },
  {
    name: 'TRG_case_ties_delete',
    sqliteOnly: true,
    table: 'case_ties',
    event: 'DELETE',
    body: () => [count('OLD."networkId"', 'OLD."organisationId"', 'OLD."kind"', -1)],
  },
  {
    name: 'TRG_case_ties_update',
    sqliteOnly: true,
    table: 'case_ties',
    event: 'UPDATE OF "kind"',
    when: () => `OLD."kind" <> NEW."kind"`,
    body: () => [
      count('OLD."networkId"', 'OLD."organisationId"', 'OLD."kind"', -1),
      count('NEW."networkId"', 'NEW."organisationId"', 'NEW."kind"', 1),
    ],
  },
];

/**
 * PostgreSQL keeps the counters once per statement, from the rows it changed (transition tables): a counter row
 * updated once per row of a bulk insert would be updated thousands of times in one transaction, and each update
 * of a row the same transaction updated before walks the chain of its earlier versions (quadratic). SQLite has no
 * such chain; there the row triggers above keep them. `rows` gives (networkId, organisationId, kind, d) per row.
 */
const STATEMENT_TRIGGERS: { name: string; table: string; event: 'INSERT' | 'DELETE' | 'UPDATE'; body: string }[] = [
  // New cases and new actions too: per row, each new tie would be a statement of its own, and so an update of its counter.
  { name: 'TRG_cases_ties_insert_all', table: 'cases', event: 'INSERT', body: tiesOfAdded() },
  { name: 'TRG_actions_ties_insert_all', table: 'actions', event: 'INSERT', body: holdAdded() },
  { name: 'TRG_cases_counts_insert', table: 'cases', event: 'INSERT', body: addUp(caseRows('added', 1)) },
  { name: 'TRG_cases_counts_delete', table: 'cases', event: 'DELETE', body: addUp(caseRows('removed', -1)) },
  {
    name: 'TRG_cases_counts_update',
    table: 'cases',
    event: 'UPDATE',
    body: addUp(`${caseRows('removed', -1)} UNION ALL ${caseRows('added', 1)}`),
  },
  { name: 'TRG_case_ties_counts_insert', table: 'case_ties', event: 'INSERT', body: addUp(tieRows('added', 1)) },
  { name: 'TRG_case_ties_counts_delete', table: 'case_ties', event: 'DELETE', body: addUp(tieRows('removed', -1)) },
  {
    name: 'TRG_case_ties_counts_update',
    table: 'case_ties',
    event: 'UPDATE',
    body: addUp(`${tieRows('removed', -1)} UNION ALL ${tieRows('added', 1)}`),
  },
];

/** tiesOf() for all cases a statement inserted (PostgreSQL). */
function tiesOfAdded(): string {
  const r = (column: string) => `r."${column}"`;
  return (
    `INSERT INTO "case_ties" ("networkId", "organisationId", "caseId", "submitted", "openActions", "kind") ` +
    `SELECT ${r('networkId')}, o."org", ${r('id')}, MAX(o."s"), SUM(o."a"), 2 * MAX(o."s") + (CASE WHEN SUM(o."a") > 0 THEN 4 ELSE 0 END) + ${bits('r')} ` +
    `FROM "added" r JOIN (SELECT n."id" AS "caseId", n."submittedByOrganisationId" AS "org", 1 AS "s", 0 AS "a" FROM "added" n ` +
    `UNION ALL SELECT a."caseId", a."ownerOrganisationId", 0, 1 FROM "actions" a JOIN "added" n ON n."id" = a."caseId" WHERE ${open('a')}) o ` +
    `ON o."caseId" = ${r('id')} ` +
    `GROUP BY ${r('id')}, ${r('networkId')}, ${r('identityErasedAt')}, ${r('consent')}, ${r('consentOverrideReason')}, o."org"`
  );
}

/** hold() for all actions a statement inserted (PostgreSQL), one upsert per tie. */
function holdAdded(): string {
  return (
    `INSERT INTO "case_ties" ("networkId", "organisationId", "caseId", "submitted", "openActions", "kind") ` +
    `SELECT c."networkId", a."ownerOrganisationId", c."id", 0, COUNT(*), 4 + ${bits('c')} FROM "added" a JOIN "cases" c ON c."id" = a."caseId" ` +
    `WHERE ${open('a')} GROUP BY c."id", a."ownerOrganisationId" ` +
    `ON CONFLICT ("organisationId", "caseId") DO UPDATE SET "openActions" = "case_ties"."openActions" + EXCLUDED."openActions", "kind" = ("case_ties"."kind" | 4)`
  );
}

function caseRows(table: string, d: number): string {
  return `SELECT r."networkId", '' AS "organisationId", ${bits('r')} AS "kind", ${d} AS "d" FROM "${table}" r`;
}

function tieRows(table: string, d: number): string {
  return `SELECT r."networkId", r."organisationId", r."kind", ${d} AS "d" FROM "${table}" r`;
}

/** Adds the rows' d to their counters, one upsert per counter (an update's old and new rows cancel where the kind stayed). */
function addUp(rows: string): string {
  return (
    `INSERT INTO "case_counts" ("networkId", "organisationId", "kind", "n") ` +
    `SELECT x."networkId", x."organisationId", x."kind", SUM(x."d") FROM (${rows}) x GROUP BY x."networkId", x."organisationId", x."kind" HAVING SUM(x."d") <> 0 ` +
    `ON CONFLICT ("networkId", "organisationId", "kind") DO UPDATE SET "n" = "case_counts"."n" + EXCLUDED."n"`
  );
}
