import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createRootLogger } from './root-logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = (): Record<string, unknown>[] =>
    chunks
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('the root logger', () => {
  it("keeps a failed statement's text but none of its values", () => {
    const { stream, lines } = capture();
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "members_email_key"'),
      { code: '23505', detail: 'Key (email)=(sara@example.com) already exists.' },
    );
    const error = new QueryFailedError(
      'INSERT INTO members (email, phone, birth_date) VALUES ($1, $2, $3)',
      ['sara@example.com', '+989120001234', '1990-04-21'],
      driverError,
    );
    createRootLogger('info', stream).error({ err: error }, 'unhandled error');

    const written = JSON.stringify(lines());
    expect(written).toContain('INSERT INTO members');
    expect(written).toContain('23505');
    for (const personal of ['sara@example.com', '+989120001234', '1990-04-21']) {
      expect(written).not.toContain(personal);
    }
  });

  it('redacts credentials in headers and bodies', () => {
    const { stream, lines } = capture();
    createRootLogger('info', stream).info(
      { req: { headers: { authorization: 'Bearer vafa_sk_secret' } }, body: { password: 'pw' } },
      'request',
    );
    const written = JSON.stringify(lines());
    expect(written).not.toContain('vafa_sk_secret');
    expect(written).not.toContain('"pw"');
  });
});
