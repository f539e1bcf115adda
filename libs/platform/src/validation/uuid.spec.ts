import { isUuid } from './uuid';

describe('isUuid', () => {
  it('takes a UUID in either case, of any version', () => {
    expect(isUuid('3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b')).toBe(true);
    expect(isUuid('0190F3A2-7B1C-7D4E-8F00-0123456789AB')).toBe(true);
  });

  it('refuses what PostgreSQL would not take for a uuid column without braces or padding', () => {
    for (const value of [
      '',
      'crm-10023',
      '3f6b1e2a9c4d4e8fa1b27c9d0e1f2a3b',
      '{3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b}',
      ' 3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b',
      '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3g',
      42,
      null,
    ]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
