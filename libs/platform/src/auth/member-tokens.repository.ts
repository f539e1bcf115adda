import { Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { VafaConfig } from '../config/vafa-config';
import type { MemberPrincipal } from './principal';

const SECRET_SETTING = 'member_token_secret';
const AUDIENCE = 'vafa:member';

/** Signs and verifies the short-lived tokens a shopper's app uses on `/v1/me/*`. */
@Injectable()
export class MemberTokensRepository implements OnModuleInit {
  /**
   * The secret as a key object: given a string, jsonwebtoken first tries to read it as a PEM
   * public key and throws, on every verification (most of a GET /v1/me's CPU). @nestjs/jwt's
   * option types say string or Buffer, but it hands the key to jsonwebtoken as it is.
   */
  private key: KeyObject = createSecretKey(randomBytes(32));

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly config: VafaConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.tokenSecret) {
      this.key = createSecretKey(Buffer.from(this.config.tokenSecret));
      return;
    }
    await this.dataSource.query(
      'INSERT INTO platform_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
      [SECRET_SETTING, randomBytes(48).toString('base64url')],
    );
    const rows = await this.dataSource.query<{ value: string }[]>(
      'SELECT value FROM platform_settings WHERE name = $1',
      [SECRET_SETTING],
    );
    this.key = createSecretKey(Buffer.from(rows[0]?.value ?? ''));
  }

  private get secretOption(): Buffer {
    return this.key as unknown as Buffer;
  }

  async issue(memberId: string): Promise<{ token: string; expiresAt: string }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.memberTokenTtlSeconds;
    const token = await this.jwt.signAsync(
      { sub: memberId, aud: AUDIENCE, iat: issuedAt, exp: expiresAt },
      { secret: this.secretOption, algorithm: 'HS256' },
    );
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  async verify(token: string): Promise<MemberPrincipal | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown }>(token, {
        secret: this.secretOption,
        algorithms: ['HS256'],
        audience: AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      return typeof payload.sub === 'string' ? { kind: 'member', memberId: payload.sub } : null;
    } catch {
      return null;
    }
  }
}
