import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vafa cannot start: ${problems.join('; ')}.`);
    this.name = 'ConfigError';
  }
}

const integerOrRaw = (value: string | undefined): number | string | undefined =>
  value !== undefined && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

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
  };
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const config = plainToInstance(VafaConfig, defined);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(errors.flatMap(problemsOf));
  }
  return config;
}
