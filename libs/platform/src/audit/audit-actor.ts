import type { StaffPrincipal } from '../auth/principal';

export const AUDIT_ACTOR_KINDS = ['api_key', 'staff_user', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** Who made a change: a staff API key, a signed-in staff user, or the platform's own jobs. */
export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  name: string | null;
}

/** Scheduled jobs and start-up tasks. */
export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: null };

/** The actor a staff request writes as: its API key, or the staff user signed in by session. */
export function auditActorOf(principal: StaffPrincipal): AuditActor {
  return principal.via === 'session'
    ? { kind: 'staff_user', id: principal.userId, name: principal.name }
    : { kind: 'api_key', id: principal.keyId, name: principal.name };
}
