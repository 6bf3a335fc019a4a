import { useTestApp } from './support/use-test-app';

/** Who still needs access (BIO 5.18.02, issue #11): the yearly confirmation of roles and the role holders who stopped signing in. */
describe('Role review', () => {
  const { t, make } = useTestApp({ perTest: true });

  it('starts unconfirmed and due, names nobody while everyone signs in, and a confirmation is logged and due again in a year', async () => {
    const s = await make.staffedNetwork('OGGZ');
    const first = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/role-review`).expect(200)).body;
    expect(first).toMatchObject({ confirmedAt: null, confirmedBy: null, overdue: true, inactive: [] });

    const confirmed = (await s.coordinator.agent.post(`/api/networks/${s.network.id}/role-review`).expect(200)).body;
    const at = new Date(confirmed.confirmedAt);
    expect(at.getTime()).toBe(t.clock.now().getTime());
    expect(confirmed).toMatchObject({ confirmedBy: s.coordinator.user.name, overdue: false });
    const due = new Date(confirmed.dueAt);
    expect(due.getUTCFullYear() - at.getUTCFullYear()).toBe(1);
    expect(due.getUTCMonth()).toBe(at.getUTCMonth());

    const log = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log?action=ROLES_CONFIRM`).expect(200)).body;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'ROLES_CONFIRM',
      user: { id: s.coordinator.user.id },
      object: { type: 'NETWORK', id: s.network.id },
    });

    t.clock.advanceDays(366);
    const coordinator = await t.login(s.coordinator.user.email);
    expect((await coordinator.get(`/api/networks/${s.network.id}/role-review`).expect(200)).body.overdue).toBe(true);
  });

  it('names the role holders without a sign-in for six months, and not those who signed in since', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD');
    t.clock.advanceDays(150);
    await t.login(s.shell.user.email); // signed in five months after the others
    t.clock.advanceDays(40);
    const coordinator = await t.login(s.coordinator.user.email);
    const review = (await coordinator.get(`/api/networks/${s.network.id}/role-review`).expect(200)).body;
    const named = review.inactive.map((i: { userId: string }) => i.userId).sort();
    expect(named).toEqual([s.core.user.id, s.volunteer.user.id].sort());
    const core = review.inactive.find((i: { userId: string }) => i.userId === s.core.user.id);
    expect(core).toMatchObject({ name: s.core.user.name, organisation: s.core.organisation.name, role: 'CORE_PARTNER' });
    expect(new Date(core.lastSignInAt).getTime()).toBeLessThan(t.clock.now().getTime() - 180 * 86_400_000);
  });

  it("is the coordinator's: a partner gets 403 on both, another network's coordinator 404, and nothing is confirmed", async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD');
    const refused = await s.core.agent.post(`/api/networks/${s.network.id}/role-review`).expect(403);
    expect(refused.body.message).toBe('Alleen de coördinator van dit netwerk bevestigt de rollen.');
    await s.volunteer.agent.get(`/api/networks/${s.network.id}/role-review`).expect(403);
    const other = await make.staffedNetwork('NEIGHBOURHOOD');
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/role-review`).expect(404);
    await other.coordinator.agent.post(`/api/networks/${s.network.id}/role-review`).expect(404);
    expect((await s.coordinator.agent.get(`/api/networks/${s.network.id}/role-review`).expect(200)).body.confirmedAt).toBeNull();
  });
});
