import { auditActorOf } from './audit-actor';

describe('auditActorOf', () => {
  const principal = { kind: 'staff', role: 'marketer', storeId: null } as const;

  it('names an API key by its id and name', () => {
    expect(
      auditActorOf({ ...principal, via: 'api_key', keyId: 'k-1', userId: null, name: 'Team key' }),
    ).toEqual({ kind: 'api_key', id: 'k-1', name: 'Team key' });
  });

  it('names a staff user signed in by session by the user, not the session', () => {
    expect(
      auditActorOf({ ...principal, via: 'session', keyId: 'u-1', userId: 'u-1', name: 'Sara' }),
    ).toEqual({ kind: 'staff_user', id: 'u-1', name: 'Sara' });
  });
});
