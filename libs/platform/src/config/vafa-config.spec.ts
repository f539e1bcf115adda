import { ConfigError, loadConfig } from './vafa-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './.vafa',
      scheduler: 'on',
      apiProcesses: 1,
      logLevel: 'info',
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/vafa',
      VAFA_DATA_DIR: '/var/lib/vafa',
      VAFA_ADMIN_KEY: 'x'.repeat(30),
      VAFA_SCHEDULER: 'OFF',
      VAFA_API_PROCESSES: '4',
      VAFA_TOKEN_SECRET: 's'.repeat(40),
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/vafa',
      dataDir: '/var/lib/vafa',
      scheduler: 'off',
      apiProcesses: 4,
    });
  });

  it('names every bad value in one sentence', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '99999',
        DATABASE_URL: 'mysql://x',
        VAFA_ADMIN_KEY: 'short',
        VAFA_SCHEDULER: 'maybe',
        VAFA_API_PROCESSES: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Vafa cannot start: /);
    for (const part of [
      'PORT must be between',
      'DATABASE_URL must be',
      'VAFA_ADMIN_KEY must be at least 24',
      "VAFA_SCHEDULER must be 'on' or 'off'",
      'VAFA_API_PROCESSES must be between 1 and 64',
    ]) {
      expect(message).toContain(part);
    }
  });

  it('says each bad variable once: a PORT that is not a number is not also out of range', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      new ConfigError(['PORT must be a whole number']),
    );
    expect(() => loadConfig({ PORT: '99999' })).toThrow(
      new ConfigError(['PORT must be between 0 and 65535']),
    );
  });

  it('reads the console session idle timeout and the trusted proxies, within bounds', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 30, trustProxy: 0 });
    expect(loadConfig({ VAFA_SESSION_IDLE_MINUTES: '15', VAFA_TRUST_PROXY: '1' })).toMatchObject({
      sessionIdleMinutes: 15,
      trustProxy: 1,
    });
    expect(() => loadConfig({ VAFA_SESSION_IDLE_MINUTES: '0', VAFA_TRUST_PROXY: 'yes' })).toThrow(
      new ConfigError([
        'VAFA_SESSION_IDLE_MINUTES must be between 1 and 720',
        'VAFA_TRUST_PROXY must be a whole number',
      ]),
    );
  });

  it('reads the webhook and event settings, with the Svix schedule and 30 days by default', () => {
    expect(loadConfig({})).toMatchObject({
      webhooks: 'on',
      webhookAllowHttp: false,
      webhookAllowedHosts: [],
      webhookRetrySchedule: [0, 5000, 300000, 1800000, 7200000, 18000000, 36000000, 36000000],
      webhookPollMs: 500,
      eventRetentionDays: 30,
    });
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig({
        VAFA_WEBHOOKS: 'OFF',
        VAFA_WEBHOOK_SECRET_KEY: key,
        VAFA_WEBHOOK_ALLOW_HTTP: 'true',
        VAFA_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, ::1',
        VAFA_WEBHOOK_RETRY_SCHEDULE: '0,10,20',
        VAFA_WEBHOOK_POLL_MS: '50',
        VAFA_EVENT_RETENTION_DAYS: '90',
      }),
    ).toMatchObject({
      webhooks: 'off',
      webhookSecretKey: key,
      webhookAllowHttp: true,
      webhookAllowedHosts: ['127.0.0.1', '::1'],
      webhookRetrySchedule: [0, 10, 20],
      webhookPollMs: 50,
      eventRetentionDays: 90,
    });
  });

  it('refuses bad webhook settings and a retention under 30 days', () => {
    expect(() =>
      loadConfig({
        VAFA_WEBHOOK_SECRET_KEY: 'short',
        VAFA_WEBHOOK_ALLOW_HTTP: 'yes',
        VAFA_WEBHOOK_ALLOWED_HOSTS: 'example.com',
        VAFA_WEBHOOK_RETRY_SCHEDULE: '0,soon',
        VAFA_EVENT_RETENTION_DAYS: '7',
      }),
    ).toThrow(
      new ConfigError([
        'VAFA_WEBHOOK_SECRET_KEY must be 32 bytes in base64 (44 characters)',
        "VAFA_WEBHOOK_ALLOW_HTTP must be 'true' or 'false'",
        'VAFA_WEBHOOK_ALLOWED_HOSTS must be comma-separated IP addresses',
        'VAFA_WEBHOOK_RETRY_SCHEDULE must be comma-separated whole ms',
        'VAFA_EVENT_RETENTION_DAYS must be at least 30',
      ]),
    );
  });
});
