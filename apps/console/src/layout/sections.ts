import type { StaffRole } from '../api/session';

export type SectionKey =
  | 'dashboard'
  | 'till'
  | 'members'
  | 'earningRules'
  | 'tiers'
  | 'rewards'
  | 'referrals'
  | 'campaigns'
  | 'program'
  | 'auditLog'
  | 'apiKeys'
  | 'webhooks'
  | 'staff';

export interface Section {
  key: SectionKey;
  /** Under /console/. */
  path: string;
  /** Who sees it in the navigation (admin sees everything). */
  roles: readonly StaffRole[];
}

const EVERYONE: readonly StaffRole[] = ['admin', 'marketer', 'cashier', 'integration'];
const PROGRAM_TEAM: readonly StaffRole[] = ['admin', 'marketer'];
const ADMIN: readonly StaffRole[] = ['admin'];
/** The role matrix's TILL: /v1/pos/members/…, /v1/pos/redemptions, /v1/pos/program. */
const TILL: readonly StaffRole[] = ['admin', 'cashier'];

/** The console's sections in navigation order; their labels are `nav.<key>`. */
export const SECTIONS: readonly Section[] = [
  { key: 'dashboard', path: 'dashboard', roles: PROGRAM_TEAM },
  { key: 'till', path: 'till', roles: TILL },
  { key: 'members', path: 'members', roles: EVERYONE },
  { key: 'earningRules', path: 'earning-rules', roles: PROGRAM_TEAM },
  { key: 'tiers', path: 'tiers', roles: PROGRAM_TEAM },
  { key: 'rewards', path: 'rewards', roles: PROGRAM_TEAM },
  { key: 'referrals', path: 'referrals', roles: PROGRAM_TEAM },
  { key: 'campaigns', path: 'campaigns', roles: PROGRAM_TEAM },
  { key: 'program', path: 'program', roles: PROGRAM_TEAM },
  { key: 'auditLog', path: 'audit-log', roles: PROGRAM_TEAM },
  { key: 'apiKeys', path: 'api-keys', roles: ADMIN },
  { key: 'webhooks', path: 'webhooks', roles: ADMIN },
  { key: 'staff', path: 'staff', roles: ADMIN },
];

export const sectionsFor = (role: StaffRole): Section[] =>
  SECTIONS.filter((section) => section.roles.includes(role));
