import { describe, expect, it } from 'vitest';
import { IdempotencyKeys, randomKey } from '../src/pages/members/member/idempotency-key';
import { memberCapabilities } from '../src/pages/members/member/member-capabilities';

describe('IdempotencyKeys', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('keeps one key while the same body is sent again (a double click, a retry)', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ points: 100, reason: 'goodwill' })).toBe('key-1');
    expect(keys.keyFor({ points: 100, reason: 'goodwill' })).toBe('key-1');
  });

  it('takes a new key when the body changes, and after a success', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ points: 100 })).toBe('key-1');
    expect(keys.keyFor({ points: 200 })).toBe('key-2');
    keys.reset();
    expect(keys.keyFor({ points: 200 })).toBe('key-3');
  });

  it('makes random keys of 32 hex digits', () => {
    const key = randomKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(key);
  });
});

describe('memberCapabilities (libs/app/src/role-matrix.ts)', () => {
  it('lets a cashier see the member but not edit, grant, change tiers or read records', () => {
    expect(memberCapabilities('cashier')).toEqual({
      editProfile: false,
      activity: false,
      perks: false,
      insights: false,
      grantGoodwill: false,
      changeTier: false,
    });
  });

  it('gives the integration role the member records only', () => {
    expect(memberCapabilities('integration')).toEqual({
      editProfile: true,
      activity: true,
      perks: true,
      insights: false,
      grantGoodwill: false,
      changeTier: false,
    });
  });

  it('gives marketers and admins everything', () => {
    for (const role of ['admin', 'marketer'] as const) {
      expect(Object.values(memberCapabilities(role)).every(Boolean)).toBe(true);
    }
  });
});
