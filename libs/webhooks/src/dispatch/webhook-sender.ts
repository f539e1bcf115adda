import http from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { parseRetryAfter } from './retry-schedule';

export const SEND_TIMEOUT_MS = 15_000;
/** More of a response than this is not read. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const EXCERPT_BYTES = 1024;

export interface SendResult {
  /** null when no answer came. */
  statusCode: number | null;
  durationMs: number;
  /** null on a 2xx. */
  error: string | null;
  responseExcerpt: string | null;
  retryAfterMs: number | null;
}

interface RequestTarget {
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

const excerptOf = (chunks: Buffer[]): string | null => {
  const bytes = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES);
  // The decoder holds back a character cut at the end rather than writing a broken one.
  return bytes.length === 0 ? null : new StringDecoder('utf8').write(bytes);
};

const errorOf = (status: number): string | null =>
  status >= 200 && status < 300
    ? null
    : status >= 300 && status < 400
      ? `HTTP ${status}: redirects are not followed`
      : `HTTP ${status}`;

/**
 * POSTs webhooks: a 15 s limit for the whole exchange, no redirects, at most 64 KB of the answer
 * read, and connections only to public addresses (checked on the address actually connected
 * to, so DNS rebinding cannot reach inside) unless VAFA_WEBHOOK_ALLOWED_HOSTS lists them.
 */
export class WebhookSender {
  private readonly httpAgent: RequestFilteringHttpAgent;
  private readonly httpsAgent: RequestFilteringHttpsAgent;
  private readonly targets = new Map<string, RequestTarget>();

  constructor(
    allowedAddresses: readonly string[],
    private readonly timeoutMs = SEND_TIMEOUT_MS,
  ) {
    const options = {
      keepAlive: true,
      maxSockets: 64, // as many as the dispatcher posts at once
      allowIPAddressList: [...allowedAddresses],
    };
    this.httpAgent = new RequestFilteringHttpAgent(options);
    this.httpsAgent = new RequestFilteringHttpsAgent(options);
  }

  post(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const target = this.targetOf(url);
    const secure = target.protocol === 'https:';
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<SendResult, 'durationMs'>): void => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        resolve({ ...result, durationMs: Math.round(performance.now() - started) });
      };
      const failed = (error: string): void =>
        finish({ statusCode: null, error, responseExcerpt: null, retryAfterMs: null });

      const request = (secure ? https : http).request(
        {
          ...target,
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let size = 0;
          const answered = (): void =>
            finish({
              statusCode: status,
              error: errorOf(status),
              responseExcerpt: excerptOf(chunks),
              retryAfterMs: parseRetryAfter(response.headers['retry-after'], Date.now()),
            });
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_RESPONSE_BYTES + chunk.length) {
              chunks.push(chunk);
            }
            if (size > MAX_RESPONSE_BYTES) {
              answered();
              response.destroy();
            }
          });
          response.on('end', answered);
          response.on('error', answered);
        },
      );
      const timer = setTimeout(() => {
        failed(`no complete answer within ${this.timeoutMs / 1000} s`);
        request.destroy();
      }, this.timeoutMs);
      request.on('error', (error) => failed(error.message));
      request.end(body);
    });
  }

  /** Where a URL points, parsed once per URL (the endpoints are few, the posts many). */
  private targetOf(url: string): RequestTarget {
    let target = this.targets.get(url);
    if (!target) {
      if (this.targets.size >= 1000) {
        this.targets.clear();
      }
      const parsed = new URL(url);
      target = {
        protocol: parsed.protocol,
        hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
        port: parsed.port,
        path: `${parsed.pathname}${parsed.search}`,
      };
      this.targets.set(url, target);
    }
    return target;
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
