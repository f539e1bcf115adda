export const STAFF_ROLES = ['admin', 'marketer', 'cashier', 'integration'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** How a staff caller proved who it is. */
export type StaffCredential = 'api_key' | 'session';

export interface StaffPrincipal {
  kind: 'staff';
  /** A staff API key (`Authorization: Bearer`), or a staff user's console session cookie. */
  via: StaffCredential;
  /**
   * Who acts, as idempotency scopes and "changed by" records name it: the API key's id, or the
   * staff user's id for a session (so a user's retries match across their sessions).
   */
  keyId: string;
  /** The signed-in staff user; null for an API key. */
  userId: string | null;
  /** The API key's or the staff user's name. */
  name: string;
  role: StaffRole;
  storeId: string | null;
}

export interface MemberPrincipal {
  kind: 'member';
  memberId: string;
}

export type Principal = StaffPrincipal | MemberPrincipal;
