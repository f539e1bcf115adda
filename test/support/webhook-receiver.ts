import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed envelope {id, type, timestamp, data}. */
  event: { id: string; type: string; timestamp: string; data: Record<string, unknown> };
  path: string;
}

export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A merchant's webhook receiver on 127.0.0.1: records every POST and answers as `answer` says
 * (200 by default), e.g. `receiver.answer = (hook, n) => n < 3 ? { status: 500 } : { status: 200 }`
 * where n counts the POSTs of that event id so far (0 for the first).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (hook: ReceivedWebhook, n: number) => ReceiverAnswer = () => ({ status: 200 });

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let event = {} as ReceivedWebhook['event'];
        try {
          event = JSON.parse(body) as ReceivedWebhook['event'];
        } catch {
          // recorded as is
        }
        const hook: ReceivedWebhook = { headers: req.headers, body, event, path: req.url ?? '/' };
        const n = receiver.received.filter((r) => r.event.id === event.id).length;
        receiver.received.push(hook);
        const answer = receiver.answer(hook, n);
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      });
    });
    return receiver;
  }

  /** The hooks of one event type (optionally one path), in arrival order. */
  of(type: string, path?: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.event.type === type && (!path || r.path === path));
  }

  /** Waits until `done()` holds (polling every 20 ms), or fails after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs = 15_000, what = 'the webhooks'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Verifies a received hook as a receiver would, with the standardwebhooks package. */
export function verifyWebhook(secret: string, hook: ReceivedWebhook): unknown {
  return new Webhook(secret).verify(hook.body, {
    'webhook-id': String(hook.headers['webhook-id']),
    'webhook-timestamp': String(hook.headers['webhook-timestamp']),
    'webhook-signature': String(hook.headers['webhook-signature']),
  });
}

/** The environment a test app needs to deliver to a receiver on 127.0.0.1 in milliseconds. */
export const LOCAL_WEBHOOKS_ENV: Record<string, string> = {
  VAFA_WEBHOOK_ALLOW_HTTP: 'true',
  VAFA_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  VAFA_WEBHOOK_RETRY_SCHEDULE: '0,30,30,30',
  VAFA_WEBHOOK_POLL_MS: '20',
};
