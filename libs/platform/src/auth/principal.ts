export const STAFF_ROLES = ['admin', 'marketer', 'cashier', 'integration'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffPrincipal {
  kind: 'staff';
  keyId: string;
  role: StaffRole;
  storeId: string | null;
}

export interface MemberPrincipal {
  kind: 'member';
  memberId: string;
}

export type Principal = StaffPrincipal | MemberPrincipal;
