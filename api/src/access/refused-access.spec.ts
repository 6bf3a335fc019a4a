import { refusedTarget } from './refused-access';

const ID = '0b6f1f0e-2c4d-4a55-9a55-3d7c2f1e9b10';

describe(refusedTarget.name, () => {
  it.each([
    ['GET', '/api/cases/:id', 'CASE', 'VIEW', 'DOSSIER'],
    ['PATCH', '/api/cases/:id', 'CASE', 'UPDATE', 'DOSSIER'],
    ['GET', '/api/cases/:id/access-report.pdf', 'CASE', 'EXPORT', 'DOSSIER'],
    ['GET', '/api/questions/:id', 'QUESTION', 'VIEW', 'DOSSIER'],
    ['POST', '/api/questions/:id/messages', 'QUESTION', 'UPDATE', 'DOSSIER'],
    ['GET', '/api/meetings/:id', 'MEETING', 'VIEW', 'MEETING'],
    ['PATCH', '/api/meetings/:id/agenda/:itemId', 'MEETING', 'UPDATE', 'MEETING'],
    ['POST', '/api/meetings/:id/confidentiality/accept', 'MEETING', 'CONFIDENTIALITY_ACCEPT', 'MANAGEMENT'],
    ['GET', '/api/meetings/:id/minutes', 'MINUTES', 'VIEW', 'MINUTES'],
    ['POST', '/api/meetings/:id/minutes/approve', 'MINUTES', 'UPDATE', 'MINUTES'],
    ['GET', '/api/meetings/:id/minutes.pdf', 'MINUTES', 'EXPORT', 'MINUTES'],
    ['PATCH', '/api/actions/:id', 'ACTION', 'UPDATE', 'DOSSIER'],
    ['GET', '/api/networks/:id', 'NETWORK', 'VIEW', 'DOSSIER'],
    ['POST', '/api/networks/:id/cases', 'NETWORK', 'CREATE', 'DOSSIER'],
    ['GET', '/api/networks/:id/actions.csv', 'NETWORK', 'EXPORT', 'DOSSIER'],
    ['GET', '/api/networks/:id/actions.pdf', 'NETWORK', 'EXPORT', 'DOSSIER'],
    ['POST', '/api/networks/:id/roles', 'NETWORK', 'ROLE_GRANT', 'MANAGEMENT'],
    ['DELETE', '/api/networks/:id/roles/:userId', 'NETWORK', 'ROLE_REVOKE', 'MANAGEMENT'],
    ['POST', '/api/networks/:id/members', 'NETWORK', 'MEMBER_ADD', 'MANAGEMENT'],
    ['DELETE', '/api/networks/:id/members/:organisationId', 'NETWORK', 'MEMBER_REMOVE', 'MANAGEMENT'],
    ['PUT', '/api/networks/:id/covenant', 'NETWORK', 'COVENANT_CHANGE', 'MANAGEMENT'],
  ])('%s %s is an attempt on a %s (%s, %s)', (method, path, type, action, context) => {
    expect(refusedTarget(path, method, { id: ID }, {})).toEqual({ type, id: ID, action, context });
  });

  it('takes the network of the action list from its query', () => {
    expect(refusedTarget('/api/actions', 'GET', {}, { scope: 'network', networkId: ID })).toEqual({
      type: 'NETWORK',
      id: ID,
      action: 'VIEW',
      context: 'DOSSIER',
    });
    expect(refusedTarget('/api/actions', 'GET', {}, { scope: 'mine' })).toBeNull();
  });

  it('ignores routes about no client-related object, and ids that are no UUID', () => {
    expect(refusedTarget('/api/users/:id', 'PATCH', { id: ID }, {})).toBeNull();
    expect(refusedTarget('/api/organisations', 'POST', {}, {})).toBeNull();
    expect(refusedTarget('/api/cases/:id', 'GET', { id: '../../etc' }, {})).toMatchObject({ type: 'CASE', id: null });
  });
});
