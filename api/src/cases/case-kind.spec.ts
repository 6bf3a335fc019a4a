import 'reflect-metadata';
import { COVENANT_ROLES, DISCLOSURE_CONTEXTS, type DisclosureLevel } from '@casustafel/contract/enums';
import { DataSource } from 'typeorm';
import { COVENANT_TEMPLATES } from '../covenants/covenant-templates';
import type { CovenantVersion } from '../covenants/covenant-version.entity';
import { caseKinds, levelsByCaseKind, type ViewerSide } from '../privacy/disclosure-policy';
import { DisclosureStanding, NetworkDisclosure } from '../privacy/disclosure.service';
import type { Case } from './case.entity';
import { OpenActionHolders } from '../actions/open-action-holders';
import { caseKindSql, dependsOnOpenAction, kindsWhere } from './case-kind';

const viewer = { id: 'viewer', organisationId: 'own-organisation' };

/** Every standing a viewer can have: role × context × template × confidentiality. */
const standings: ViewerSide[] = [null, ...COVENANT_ROLES].flatMap((role) =>
  DISCLOSURE_CONTEXTS.flatMap((context) =>
    (['NEIGHBOURHOOD', 'OGGZ'] as const).flatMap((kind) =>
      [true, false].map((confidentialityValid) => ({
        role,
        context,
        matrix: COVENANT_TEMPLATES[kind].levels,
        covenantVersion: 1,
        confidentialityValid,
      })),
    ),
  ),
);

describe(caseKindSql.name, () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await db.query(
      'CREATE TABLE cases (id varchar PRIMARY KEY, "submittedById" varchar, "submittedByOrganisationId" varchar, "identityErasedAt" datetime, consent varchar, "consentOverrideReason" text)',
    );
    await db.query('CREATE TABLE actions (id varchar PRIMARY KEY, "caseId" varchar, "ownerOrganisationId" varchar, status varchar)');
    // One row for every kind of case the policy tells apart, written as the cases table holds it.
    for (const { kind, facts } of caseKinds()) {
      await db.query('INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?)', [
        `case-${kind}`,
        facts.isSubmitter ? viewer.id : 'someone-else',
        facts.isSubmittingOrganisation ? viewer.organisationId : 'other-organisation',
        facts.identityErased ? '2026-01-01 00:00:00' : null,
        facts.consent,
        // An override without its reason is stored as an empty text as well as null: both count as missing.
        facts.consentOverrideReason ?? (kind % 2 ? '' : null),
      ]);
      // An open action of the viewer's organisation where the kind says so; else one that is done, or another organisation's.
      const [owner, status] = facts.holdsOpenAction
        ? [viewer.organisationId, kind % 3 ? 'OPEN' : 'IN_PROGRESS']
        : kind % 2
          ? [viewer.organisationId, 'DONE']
          : ['other-organisation', 'OPEN'];
      await db.query('INSERT INTO actions VALUES (?, ?, ?, ?)', [`action-${kind}`, `case-${kind}`, owner, status]);
    }
  });
  afterAll(() => db.destroy());

  const held = new Set(
    caseKinds()
      .filter(({ facts }) => facts.holdsOpenAction)
      .map(({ kind }) => `case-${kind}`),
  );
  async function kinds(): Promise<{ id: string; kind: number }[]> {
    const kind = caseKindSql('c', viewer, new OpenActionHolders(null as never).heldBy(viewer.organisationId));
    const rows: { id: string; kind: number }[] = await db
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect(kind.sql, 'kind')
      .from('cases', 'c')
      .orderBy('c.rowid')
      .setParameters(kind.parameters)
      .getRawMany();
    return rows.map((r) => ({ id: r.id, kind: Number(r.kind) }));
  }

  it('computes in SQL the number the disclosure policy gives each kind of case', async () => {
    expect((await kinds()).map((r) => [r.id, r.kind])).toEqual(caseKinds().map(({ kind }) => [`case-${kind}`, kind]));
  });

  it('files every row under the level that deciding the row itself gives, for every standing a viewer can have', async () => {
    const rows = await kinds();
    const stored: Case[] = await db.query('SELECT * FROM cases');
    const holders = new Map([...held].map((id) => [id, new Set([viewer.organisationId])]));
    for (const side of standings) {
      const levels = levelsByCaseKind(side);
      const disclosure = new NetworkDisclosure(
        new DisclosureStanding(
          { ...viewer, name: 'Kijker', email: 'kijker@test.nl', isAdmin: false },
          side.role,
          { version: 1, levels: side.matrix } as CovenantVersion,
          side.context,
          side.confidentialityValid,
        ),
        holders,
      );
      for (const row of stored) {
        const decided = disclosure.decide({ ...row, identityErasedAt: row.identityErasedAt ? new Date() : null });
        expect([row.id, levels.get(rows.find((r) => r.id === row.id)!.kind)]).toEqual([row.id, decided.level]);
      }
    }
  });

  it('asks for the open actions of the viewer only where they change what a list shows', () => {
    const shows = (level: DisclosureLevel) => level !== 'HIDDEN';
    const oggzShell = levelsByCaseKind({
      ...standings[0],
      role: 'SHELL_PARTNER',
      context: 'DOSSIER',
      matrix: COVENANT_TEMPLATES.OGGZ.levels,
    });
    expect(dependsOnOpenAction(oggzShell, kindsWhere(oggzShell, shows))).toBe(true);
    const coordinator = levelsByCaseKind({ ...standings[0], role: 'COORDINATOR', context: 'DOSSIER' });
    expect(dependsOnOpenAction(coordinator, kindsWhere(coordinator, shows))).toBe(false);
    // An open action lifts a case to ADDRESS at most: it never decides who finds a surname.
    for (const standing of standings) {
      const levels = levelsByCaseKind(standing);
      expect(
        dependsOnOpenAction(
          levels,
          kindsWhere(levels, (level) => level === 'FULL'),
        ),
      ).toBe(false);
    }
  });
});
