import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VafaConfig } from '@vafa/platform';

/** The injection token of the 32-byte key that encrypts signing secrets at rest. */
export const WEBHOOK_SECRET_KEY = Symbol('WEBHOOK_SECRET_KEY');

export const WEBHOOK_SECRET_KEY_FILE = 'webhook-secret.key';

const decode = (text: string, where: string): Buffer => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(`${where} must hold 32 bytes in base64`);
  }
  return key;
};

/**
 * VAFA_WEBHOOK_SECRET_KEY, or else the key in `<VAFA_DATA_DIR>/webhook-secret.key`, made once
 * (readable by its owner only) so that a fresh install signs webhooks out of the box. Several
 * hosts sharing one database must share the key: set VAFA_WEBHOOK_SECRET_KEY on each.
 */
export async function loadWebhookSecretKey(config: VafaConfig): Promise<Buffer> {
  if (config.webhookSecretKey) {
    return decode(config.webhookSecretKey, 'VAFA_WEBHOOK_SECRET_KEY');
  }
  const file = join(config.dataDir, WEBHOOK_SECRET_KEY_FILE);
  try {
    return decode(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  await mkdir(config.dataDir, { recursive: true });
  // Written whole under another name, then linked into place: a process starting at the same
  // moment either wins the link or reads the complete key the other one linked.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  } finally {
    await unlink(draft);
  }
  return decode(await readFile(file, 'utf8'), file);
}
