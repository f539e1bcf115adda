import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@vafa/platform';
import { loadWebhookSecretKey } from './webhook-secret-key';

describe('loadWebhookSecretKey', () => {
  it('uses VAFA_WEBHOOK_SECRET_KEY when set', async () => {
    const key = Buffer.alloc(32, 9);
    const dir = await mkdtemp(join(tmpdir(), 'vafa-key-'));
    const config = loadConfig({
      VAFA_DATA_DIR: dir,
      VAFA_WEBHOOK_SECRET_KEY: key.toString('base64'),
    });
    expect(await loadWebhookSecretKey(config)).toEqual(key);
  });

  it('else makes one key file, owner-only, that every later start (and racer) reads', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'vafa-key-')), 'data');
    const config = loadConfig({ VAFA_DATA_DIR: dir });
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadWebhookSecretKey(config)));
    expect(keys[0]).toHaveLength(32);
    for (const key of keys) {
      expect(key).toEqual(keys[0]);
    }
    const file = join(dir, 'webhook-secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(await readFile(file, 'utf8'), 'base64')).toEqual(keys[0]);
    expect(await loadWebhookSecretKey(config)).toEqual(keys[0]);
  });
});
