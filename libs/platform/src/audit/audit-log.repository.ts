import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import type { AuditActor } from './audit-actor';
import { redactSecrets } from './redact-secrets';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'assign',
  'revoke',
  'pause',
  'resume',
  'rotate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESOURCE_TYPES = [
  'program',
  'earning_rule',
  'tier',
  'reward',
  'referral_program',
  'campaign',
  'api_key',
  'staff_user',
  'member_tier',
  'webhook_endpoint',
] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  resourceType: AuditResourceType;
  resourceId: string;
  /** The resource as its GET showed it before the change; null for a creation. */
  before: unknown;
  /** The resource as its GET shows it after the change; null for a deletion. */
  after: unknown;
}

/**
 * Records configuration changes. `record` writes through the caller's transaction, so a change
 * and its audit row commit or roll back together; secrets are redacted before they are written.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, resource_type, resource_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        this.clock.now(),
        entry.actor.kind,
        entry.actor.id,
        entry.actor.name,
        entry.action,
        entry.resourceType,
        entry.resourceId,
        jsonOrNull(entry.before),
        jsonOrNull(entry.after),
      ],
    );
  }
}

const jsonOrNull = (value: unknown): string | null => {
  const safe = redactSecrets(value);
  return safe === null ? null : JSON.stringify(safe);
};
