import { REDACTED, redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('replaces fields named like credentials at any depth', () => {
    expect(
      redactSecrets({
        name: 'Till 1',
        key: 'vafa_sk_abc',
        keyHash: 'f00d',
        keyPrefix: 'vafa_sk_abcdef',
        passwordHash: '$argon2id$...',
        password: 'correct horse battery',
        nested: [{ apiKey: 'x', clientSecret: 'y', refreshToken: 'z', label: 'kept' }],
      }),
    ).toEqual({
      name: 'Till 1',
      key: REDACTED,
      keyHash: REDACTED,
      keyPrefix: REDACTED,
      passwordHash: REDACTED,
      password: REDACTED,
      nested: [{ apiKey: REDACTED, clientSecret: REDACTED, refreshToken: REDACTED, label: 'kept' }],
    });
  });

  it('replaces text holding an API key under any name', () => {
    expect(redactSecrets({ note: 'use vafa_sk_abc123 at the till' })).toEqual({ note: REDACTED });
    expect(redactSecrets({ note: 'sign with whsec_MfKQ9r8GKYqrTwjU' })).toEqual({ note: REDACTED });
  });

  it('keeps other values as JSON would write them', () => {
    const at = new Date('2026-11-30T06:00:00.000Z');
    expect(redactSecrets({ at, points: 5, active: true, gone: undefined, none: null })).toEqual({
      at: '2026-11-30T06:00:00.000Z',
      points: 5,
      active: true,
      none: null,
    });
    expect(redactSecrets(undefined)).toBeNull();
  });
});
