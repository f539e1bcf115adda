import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { hash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { VafaConfig } from '../config/vafa-config';
import { queryRows } from '../database/prepared-query';
import type { StaffPrincipal, StaffRole } from './principal';

/** However active, a session ends this long after sign-in. */
export const SESSION_LIFETIME_HOURS = 12;
/** Use moves the idle deadline, but writes it at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

export interface StaffSession {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface AuthenticatedSession {
  principal: StaffPrincipal;
  session: StaffSession;
}

const hashToken = (token: string): string => hash('sha256', token, 'hex');

interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  name: string;
  role: StaffRole;
  store_id: string | null;
  disabled: boolean;
}

/**
 * Console sessions: a 256-bit random token in the cookie, only its SHA-256 in the database. Every
 * request reads the session with its user, so a revocation, a disabled user or a changed role
 * applies to the very next request, in every process.
 */
@Injectable()
export class StaffSessionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: VafaConfig,
    private readonly clock: Clock,
  ) {}

  private get idleMs(): number {
    return this.config.sessionIdleMinutes * 60_000;
  }

  /** Starts a session; the token goes in the cookie and is not kept. */
  async start(userId: string): Promise<{ token: string; session: StaffSession }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_HOURS * 3_600_000);
    // Sessions of this user that have run out are cleared on the way.
    await this.dataSource.query(
      'DELETE FROM staff_sessions WHERE user_id = $1 AND (expires_at <= $2 OR last_seen_at <= $3)',
      [userId, now, new Date(now.getTime() - this.idleMs)],
    );
    const rows = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO staff_sessions (user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
      [userId, hashToken(token), csrfToken, now, expiresAt],
    );
    return { token, session: { id: rows[0]?.id ?? '', userId, csrfToken, expiresAt } };
  }

  /** The staff principal of a live session, or null for an unknown, ended or idle one. */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    const rows = await this.dataSource.query<SessionRow[]>(
      `SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at,
              u.name, u.role, u.store_id, u.disabled
         FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) {
      return null;
    }
    const now = this.clock.now().getTime();
    const idleFor = now - row.last_seen_at.getTime();
    if (row.disabled || now >= row.expires_at.getTime() || idleFor >= this.idleMs) {
      await this.dataSource.query('DELETE FROM staff_sessions WHERE id = $1', [row.id]);
      return null;
    }
    if (idleFor > TOUCH_INTERVAL_MS) {
      await this.dataSource.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1', [
        row.id,
        new Date(now),
      ]);
    }
    return {
      principal: {
        kind: 'staff',
        via: 'session',
        keyId: row.user_id,
        userId: row.user_id,
        name: row.name,
        role: row.role,
        storeId: row.store_id,
      },
      session: {
        id: row.id,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      },
    };
  }

  /**
   * Deletes sessions that have ended (idle or past their 12 hours) but were never presented
   * again; hourly with the scheduler. Answers how many went.
   */
  @Cron(CronExpression.EVERY_HOUR, { name: 'auth-sweep-ended-sessions' })
  async sweepEnded(): Promise<number> {
    const now = this.clock.now();
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      'DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING id',
      [now, new Date(now.getTime() - this.idleMs)],
    );
    return rows.length;
  }

  /** Ends the session at once (signing out). */
  async end(sessionId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM staff_sessions WHERE id = $1', [sessionId]);
  }

  /** Ends the session a token belongs to, if any (a new sign-in on the same browser). */
  async endByToken(token: string): Promise<void> {
    await this.dataSource.query('DELETE FROM staff_sessions WHERE token_hash = $1', [
      hashToken(token),
    ]);
  }
}
