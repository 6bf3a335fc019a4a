import { COVENANT_TEMPLATES } from '../src/covenants/covenant-templates';
import { caseBody } from './support/factories';
import { useTestApp } from './support/use-test-app';

describe('Covenant and confidentiality', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  it('starts a network from the template for its kind', async () => {
    const buurt = await make.staffedNetwork('NEIGHBOURHOOD');
    const oggz = await make.staffedNetwork('OGGZ');
    const a = (await buurt.core.agent.get(`/api/networks/${buurt.network.id}/covenant`).expect(200)).body;
    const b = (await oggz.core.agent.get(`/api/networks/${oggz.network.id}/covenant`).expect(200)).body;
    expect(a).toMatchObject({ version: 1, levels: COVENANT_TEMPLATES.NEIGHBOURHOOD.levels, canEdit: false });
    expect(b.levels).toEqual(COVENANT_TEMPLATES.OGGZ.levels);
    expect(b.levels.SHELL_PARTNER.DOSSIER).toBe('HIDDEN');
  });

  it('makes a new version on every change by the coordinator, and keeps the old ones', async () => {
    const s = await make.staffedNetwork();
    const v1 = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    const levels = { ...v1.levels, SHELL_PARTNER: { MEETING: 'PSEUDONYM', DOSSIER: 'HIDDEN', MINUTES: 'HIDDEN' } };
    const body = { levels, retentionMonths: 36, anonymousQuestionSubmitter: false, confidentialityStatement: v1.confidentialityStatement };
    const v2 = (await s.coordinator.agent.put(`/api/networks/${s.network.id}/covenant`).send(body).expect(200)).body;
    expect(v2).toMatchObject({ version: 2, retentionMonths: 36, canEdit: true });
    expect(v2.levels.SHELL_PARTNER.DOSSIER).toBe('HIDDEN');
    const old = (await s.core.agent.get(`/api/networks/${s.network.id}/covenant?version=1`).expect(200)).body;
    expect(old.levels).toEqual(v1.levels);
  });

  it('lets only the coordinator change it; others get 403, non-members 404', async () => {
    const s = await make.staffedNetwork();
    const other = await make.staffedNetwork();
    const current = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    const body = {
      levels: current.levels,
      retentionMonths: 12,
      anonymousQuestionSubmitter: true,
      confidentialityStatement: current.confidentialityStatement,
    };
    await s.core.agent.put(`/api/networks/${s.network.id}/covenant`).send(body).expect(403);
    await (await t.admin()).put(`/api/networks/${s.network.id}/covenant`).send(body).expect(403);
    await other.coordinator.agent.put(`/api/networks/${s.network.id}/covenant`).send(body).expect(404);
  });

  it('refuses an incomplete matrix with a Dutch message', async () => {
    const s = await make.staffedNetwork();
    const res = await s.coordinator.agent
      .put(`/api/networks/${s.network.id}/covenant`)
      .send({
        levels: { COORDINATOR: { MEETING: 'FULL' } },
        retentionMonths: 12,
        anonymousQuestionSubmitter: true,
        confidentialityStatement: 'Ik houd alles wat ik hoor geheim, twaalf maanden lang.',
      })
      .expect(400);
    expect(res.body.message).toMatch(/Vul voor elke rol en elke context een niveau in/);
  });

  it('records signatures of member organisations only', async () => {
    const s = await make.staffedNetwork();
    const res = await s.coordinator.agent
      .post(`/api/networks/${s.network.id}/covenant/signatures`)
      .send({ organisationId: s.core.organisation.id, signatory: 'A. de Wit, directeur', signedOn: '2026-10-01' })
      .expect(201);
    expect(res.body).toMatchObject({ signatory: 'A. de Wit, directeur', covenantVersion: 1 });
    const outsider = await make.organisation();
    await s.coordinator.agent
      .post(`/api/networks/${s.network.id}/covenant/signatures`)
      .send({ organisationId: outsider.id, signatory: 'B. Zwart', signedOn: '2026-10-01' })
      .expect(409);
    const covenant = (await s.shell.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    expect(covenant.signatures).toEqual([
      expect.objectContaining({ organisation: { id: s.core.organisation.id, name: s.core.organisation.name } }),
    ]);
  });

  it('holds a confidentiality acceptance for 12 months; after that identities fall back to the pseudonym', async () => {
    const s = await make.staffedNetwork();
    const before = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/confidentiality`).expect(200)).body;
    expect(before).toMatchObject({ valid: false, acceptedAt: null });
    const accepted = (await s.coordinator.agent.post(`/api/networks/${s.network.id}/confidentiality/accept`).expect(200)).body;
    expect(new Date(accepted.validUntil).getTime() - new Date(accepted.acceptedAt).getTime()).toBeGreaterThanOrEqual(365 * 24 * 3600_000);
    await make.accept(s.core.agent, s.network.id);
    const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    expect((await s.coordinator.agent.get(`/api/cases/${created.id}`).expect(200)).body.client.level).toBe('FULL');

    t.clock.advanceDays(366);
    const coordinator = await t.login(s.coordinator.user.email);
    const later = (await coordinator.get(`/api/cases/${created.id}`).expect(200)).body;
    expect(later.client.level).toBe('PSEUDONYM');
    expect(later.explanation).toMatch(/geheimhoudingsverklaring/);
    expect((await coordinator.get(`/api/networks/${s.network.id}/confidentiality`).expect(200)).body.valid).toBe(false);
  });

  it('does not let an administrator accept (they hold no role and see no client data)', async () => {
    const s = await make.staffedNetwork();
    await (await t.admin()).post(`/api/networks/${s.network.id}/confidentiality/accept`).expect(403);
  });
});
