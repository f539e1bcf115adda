import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsIP,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';

/** Every setting Vafa reads from its environment, validated once at boot. */
export class VafaConfig {
  /** HTTP port of the API server. */
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  port = 3000;

  /** An external PostgreSQL; when unset an embedded one is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// connection URL',
  })
  databaseUrl?: string;

  /** Where the embedded PostgreSQL keeps its data. */
  @IsString()
  @MinLength(1, { message: 'VAFA_DATA_DIR must not be empty' })
  dataDir = './.vafa';

  /** Secret: the bootstrap admin API key. */
  @IsOptional()
  @MinLength(24, { message: 'VAFA_ADMIN_KEY must be at least 24 characters long' })
  adminKey?: string;

  @IsIn(['on', 'off'], { message: "VAFA_SCHEDULER must be 'on' or 'off'" })
  scheduler: 'on' | 'off' = 'on';

  /** API server processes sharing the port (Node's cluster); the first one runs the scheduler. */
  @IsInt({ message: 'VAFA_API_PROCESSES must be a whole number' })
  @Min(1, { message: 'VAFA_API_PROCESSES must be between 1 and 64' })
  @Max(64, { message: 'VAFA_API_PROCESSES must be between 1 and 64' })
  apiProcesses = 1;

  /** Secret: signs member tokens; generated and stored in the database when unset. */
  @IsOptional()
  @MinLength(32, { message: 'VAFA_TOKEN_SECRET must be at least 32 characters long' })
  tokenSecret?: string;

  @IsInt({ message: 'VAFA_MEMBER_TOKEN_TTL_SECONDS must be a whole number' })
  @Min(60, { message: 'VAFA_MEMBER_TOKEN_TTL_SECONDS must be at least 60' })
  memberTokenTtlSeconds = 86_400;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'VAFA_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  logLevel = 'info';

  /** A request (headers and body) must arrive within this time, or its connection is closed. */
  @IsInt({ message: 'VAFA_REQUEST_TIMEOUT_SECONDS must be a whole number' })
  @Min(1, { message: 'VAFA_REQUEST_TIMEOUT_SECONDS must be between 1 and 600' })
  @Max(600, { message: 'VAFA_REQUEST_TIMEOUT_SECONDS must be between 1 and 600' })
  requestTimeoutSeconds = 30;

  /** A console session ends after this long without a request (and after 12 hours in any case). */
  @IsInt({ message: 'VAFA_SESSION_IDLE_MINUTES must be a whole number' })
  @Min(1, { message: 'VAFA_SESSION_IDLE_MINUTES must be between 1 and 720' })
  @Max(720, { message: 'VAFA_SESSION_IDLE_MINUTES must be between 1 and 720' })
  sessionIdleMinutes = 30;

  /**
   * Reverse proxies in front of the server: with 1 or more, the client address and https are
   * taken from X-Forwarded-For and X-Forwarded-Proto as that many proxies set them.
   */
  @IsInt({ message: 'VAFA_TRUST_PROXY must be a whole number' })
  @Min(0, { message: 'VAFA_TRUST_PROXY must be between 0 and 10' })
  @Max(10, { message: 'VAFA_TRUST_PROXY must be between 0 and 10' })
  trustProxy = 0;

  /**
   * `on` (default) writes concurrent plain checkouts together, a batch per transaction (group
   * commit); `off` gives every checkout a transaction of its own. Citus always gets the latter.
   */
  @IsIn(['on', 'off'], { message: "VAFA_CHECKOUT_BATCH must be 'on' or 'off'" })
  checkoutBatch: 'on' | 'off' = 'on';

  /** The most checkouts one batch writes. */
  @IsInt({ message: 'VAFA_CHECKOUT_BATCH_MAX must be a whole number' })
  @Min(1, { message: 'VAFA_CHECKOUT_BATCH_MAX must be between 1 and 128' })
  @Max(128, { message: 'VAFA_CHECKOUT_BATCH_MAX must be between 1 and 128' })
  checkoutBatchMax = 32;

  /** `off` stops delivering webhooks from this process (events are still written). */
  @IsIn(['on', 'off'], { message: "VAFA_WEBHOOKS must be 'on' or 'off'" })
  webhooks: 'on' | 'off' = 'on';

  /** Secret: 32 bytes, base64, that encrypt webhook signing secrets; else a key file is made. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'VAFA_WEBHOOK_SECRET_KEY must be 32 bytes in base64 (44 characters)',
  })
  webhookSecretKey?: string;

  /** Lets webhook endpoints use plain http (for development and tests). */
  @IsBoolean({ message: "VAFA_WEBHOOK_ALLOW_HTTP must be 'true' or 'false'" })
  webhookAllowHttp = false;

  /** Private addresses webhooks may still reach (IP addresses; tests use 127.0.0.1). */
  @IsIP(undefined, {
    each: true,
    message: 'VAFA_WEBHOOK_ALLOWED_HOSTS must be comma-separated IP addresses',
  })
  @ArrayMaxSize(100, { message: 'VAFA_WEBHOOK_ALLOWED_HOSTS may list at most 100 addresses' })
  webhookAllowedHosts: string[] = [];

  /** Delays in ms before each delivery attempt: the first at once, then the Svix schedule. */
  @IsInt({ each: true, message: 'VAFA_WEBHOOK_RETRY_SCHEDULE must be comma-separated whole ms' })
  @Min(0, { each: true, message: 'VAFA_WEBHOOK_RETRY_SCHEDULE delays must not be negative' })
  @Max(86_400_000, {
    each: true,
    message: 'VAFA_WEBHOOK_RETRY_SCHEDULE delays must be at most a day (86400000 ms)',
  })
  @ArrayMaxSize(20, { message: 'VAFA_WEBHOOK_RETRY_SCHEDULE may have at most 20 attempts' })
  webhookRetrySchedule: number[] = [
    0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
  ];

  /** How often the webhook dispatcher looks for new events and due deliveries. */
  @IsInt({ message: 'VAFA_WEBHOOK_POLL_MS must be a whole number' })
  @Min(10, { message: 'VAFA_WEBHOOK_POLL_MS must be between 10 and 60000' })
  @Max(60_000, { message: 'VAFA_WEBHOOK_POLL_MS must be between 10 and 60000' })
  webhookPollMs = 500;

  /** Events are listed and kept this many days at least (a daily job deletes older ones). */
  @IsInt({ message: 'VAFA_EVENT_RETENTION_DAYS must be a whole number' })
  @Min(30, { message: 'VAFA_EVENT_RETENTION_DAYS must be at least 30' })
  @Max(3650, { message: 'VAFA_EVENT_RETENTION_DAYS must be at most 3650' })
  eventRetentionDays = 30;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vafa cannot start: ${problems.join('; ')}.`);
    this.name = 'ConfigError';
  }
}

const booleanOrRaw = (value: string | undefined): boolean | string | undefined => {
  const v = value?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : value;
};

const listOf = (value: string | undefined): string[] | undefined =>
  value === undefined || value.trim() === ''
    ? undefined
    : value.split(',').map((item) => item.trim());

const integerOrRaw = (value: string | undefined): number | string | undefined =>
  value !== undefined && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const integerListOrRaw = (value: string | undefined): (number | string)[] | undefined =>
  listOf(value)?.map((item) => integerOrRaw(item) ?? item);

/** One sentence per bad variable: a value that is not a number is not also out of range. */
function problemsOf(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  return constraints.isInt ? [constraints.isInt] : [...new Set(Object.values(constraints))];
}

/** Reads and validates the environment; throws a ConfigError naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): VafaConfig {
  const raw: Record<string, unknown> = {
    port: env.PORT === undefined ? undefined : integerOrRaw(env.PORT),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.VAFA_DATA_DIR,
    adminKey: env.VAFA_ADMIN_KEY || undefined,
    scheduler: env.VAFA_SCHEDULER?.toLowerCase(),
    apiProcesses: integerOrRaw(env.VAFA_API_PROCESSES),
    tokenSecret: env.VAFA_TOKEN_SECRET || undefined,
    memberTokenTtlSeconds: integerOrRaw(env.VAFA_MEMBER_TOKEN_TTL_SECONDS),
    logLevel: env.VAFA_LOG_LEVEL,
    requestTimeoutSeconds: integerOrRaw(env.VAFA_REQUEST_TIMEOUT_SECONDS),
    sessionIdleMinutes: integerOrRaw(env.VAFA_SESSION_IDLE_MINUTES),
    trustProxy: integerOrRaw(env.VAFA_TRUST_PROXY),
    checkoutBatch: env.VAFA_CHECKOUT_BATCH?.toLowerCase(),
    checkoutBatchMax: integerOrRaw(env.VAFA_CHECKOUT_BATCH_MAX),
    webhooks: env.VAFA_WEBHOOKS?.toLowerCase(),
    webhookSecretKey: env.VAFA_WEBHOOK_SECRET_KEY || undefined,
    webhookAllowHttp: booleanOrRaw(env.VAFA_WEBHOOK_ALLOW_HTTP),
    webhookAllowedHosts: listOf(env.VAFA_WEBHOOK_ALLOWED_HOSTS),
    webhookRetrySchedule: integerListOrRaw(env.VAFA_WEBHOOK_RETRY_SCHEDULE),
    webhookPollMs: integerOrRaw(env.VAFA_WEBHOOK_POLL_MS),
    eventRetentionDays: integerOrRaw(env.VAFA_EVENT_RETENTION_DAYS),
  };
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const config = plainToInstance(VafaConfig, defined);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(errors.flatMap(problemsOf));
  }
  return config;
}
