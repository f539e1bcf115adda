import type { StaffRole } from '@vafa/platform';

/** No credentials; a member token (their own data only); or staff keys of these roles. */
export type RouteAccess = 'public' | 'member' | readonly StaffRole[];

export interface RoleMatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document: `/v1/members/{id}`. */
  path: string;
  access: RouteAccess;
}

// Least privilege, by what each caller needs. Admin may call every staff endpoint.
/** Every staff member, for their own console session. */
const STAFF: readonly StaffRole[] = ['admin', 'marketer', 'cashier', 'integration'];
/** Keys, staff users, audits, jobs run on demand, referral fraud review. */
const ADMIN: readonly StaffRole[] = ['admin'];
/** Program configuration, reports, campaigns, service recovery. */
const MARKETER: readonly StaffRole[] = ['admin', 'marketer'];
/** The till, acting for the member present. */
const TILL: readonly StaffRole[] = ['admin', 'cashier'];
/** Recording orders and returns: the till, and a web shop's server for online and app orders. */
const ORDERS: readonly StaffRole[] = ['admin', 'cashier', 'integration'];
/** Trying a basket, writing nothing: the till, the web shop, and marketers testing their rules. */
const BASKET_TRIAL: readonly StaffRole[] = ['admin', 'marketer', 'cashier', 'integration'];
/** Finding and enrolling members: the console, the till, the web shop. */
const MEMBER_DESK: readonly StaffRole[] = ['admin', 'marketer', 'cashier', 'integration'];
/** A member's records beyond the till's needs: the console and the web shop's server. */
const MEMBER_RECORDS: readonly StaffRole[] = ['admin', 'marketer', 'integration'];
/** Tokens for the shopper's app, minted by the web shop's server. */
const MEMBER_TOKENS: readonly StaffRole[] = ['admin', 'integration'];
/** Handing over a service perk or gift: at the till, or by the team that granted it. */
const PERK_DELIVERY: readonly StaffRole[] = ['admin', 'marketer', 'cashier'];
/** The event feed a merchant's systems catch up from. */
const EVENT_FEED: readonly StaffRole[] = ['admin', 'integration'];

/**
 * Who may call each endpoint: the one place it is written down. A test holds the running routes
 * to it (no route missing or extra, the same roles), and the README's table is rendered from it.
 */
export const ROLE_MATRIX: readonly RoleMatrixRow[] = [
  { method: 'GET', path: '/health', access: 'public' },
  { method: 'GET', path: '/metrics', access: 'public' },

  { method: 'POST', path: '/v1/api-keys', access: ADMIN },
  { method: 'GET', path: '/v1/api-keys', access: ADMIN },
  { method: 'DELETE', path: '/v1/api-keys/{id}', access: ADMIN },
  { method: 'POST', path: '/v1/staff-users', access: ADMIN },
  { method: 'GET', path: '/v1/staff-users', access: ADMIN },
  { method: 'GET', path: '/v1/staff-users/{id}', access: ADMIN },
  { method: 'PATCH', path: '/v1/staff-users/{id}', access: ADMIN },
  { method: 'DELETE', path: '/v1/staff-users/{id}', access: ADMIN },
  { method: 'POST', path: '/v1/auth/session', access: 'public' },
  { method: 'GET', path: '/v1/auth/session', access: STAFF },
  { method: 'DELETE', path: '/v1/auth/session', access: STAFF },

  { method: 'POST', path: '/v1/members', access: MEMBER_DESK },
  { method: 'GET', path: '/v1/members', access: MEMBER_DESK },
  { method: 'GET', path: '/v1/members/{id}', access: MEMBER_DESK },
  { method: 'PATCH', path: '/v1/members/{id}', access: MEMBER_RECORDS },
  { method: 'PUT', path: '/v1/members/{id}/tier', access: MARKETER },
  { method: 'POST', path: '/v1/members/{id}/tokens', access: MEMBER_TOKENS },
  { method: 'GET', path: '/v1/members/{id}/activity', access: MEMBER_RECORDS },
  { method: 'GET', path: '/v1/members/{id}/perks', access: MEMBER_RECORDS },
  { method: 'POST', path: '/v1/members/{id}/adjustments', access: MARKETER },
  { method: 'GET', path: '/v1/members/{id}/insights', access: MARKETER },
  { method: 'POST', path: '/v1/members/jobs/birthdays', access: ADMIN },

  { method: 'GET', path: '/v1/me', access: 'member' },
  { method: 'GET', path: '/v1/me/activity', access: 'member' },
  { method: 'GET', path: '/v1/me/rewards', access: 'member' },
  { method: 'POST', path: '/v1/me/rewards/{rewardId}/redeem', access: 'member' },
  { method: 'GET', path: '/v1/me/perks', access: 'member' },
  { method: 'GET', path: '/v1/me/referral', access: 'member' },

  { method: 'POST', path: '/v1/pos/checkouts', access: ORDERS },
  { method: 'POST', path: '/v1/pos/checkouts/simulate', access: BASKET_TRIAL },
  { method: 'POST', path: '/v1/pos/returns', access: ORDERS },
  { method: 'GET', path: '/v1/pos/members/{id}/rewards', access: TILL },
  { method: 'POST', path: '/v1/pos/redemptions', access: TILL },
  { method: 'GET', path: '/v1/pos/members/{id}/perks', access: TILL },
  { method: 'GET', path: '/v1/pos/program', access: TILL },

  { method: 'GET', path: '/v1/program', access: MARKETER },
  { method: 'PUT', path: '/v1/program', access: MARKETER },
  { method: 'PATCH', path: '/v1/program', access: MARKETER },
  { method: 'POST', path: '/v1/earning-rules', access: MARKETER },
  { method: 'GET', path: '/v1/earning-rules', access: MARKETER },
  { method: 'GET', path: '/v1/earning-rules/{id}', access: MARKETER },
  { method: 'PUT', path: '/v1/earning-rules/{id}', access: MARKETER },
  { method: 'PATCH', path: '/v1/earning-rules/{id}', access: MARKETER },
  { method: 'DELETE', path: '/v1/earning-rules/{id}', access: MARKETER },
  { method: 'GET', path: '/v1/tiers', access: MARKETER },
  { method: 'GET', path: '/v1/tiers/{id}', access: MARKETER },
  { method: 'POST', path: '/v1/tiers', access: MARKETER },
  { method: 'PUT', path: '/v1/tiers/{id}', access: MARKETER },
  { method: 'PATCH', path: '/v1/tiers/{id}', access: MARKETER },
  { method: 'DELETE', path: '/v1/tiers/{id}', access: MARKETER },
  { method: 'POST', path: '/v1/tiers/jobs/evaluate', access: ADMIN },
  { method: 'GET', path: '/v1/referral-program', access: MARKETER },
  { method: 'PUT', path: '/v1/referral-program', access: MARKETER },
  { method: 'PATCH', path: '/v1/referral-program', access: MARKETER },
  { method: 'GET', path: '/v1/referrals', access: ADMIN },
  { method: 'POST', path: '/v1/referrals/{refereeId}/approve', access: ADMIN },
  { method: 'POST', path: '/v1/referrals/{refereeId}/reject', access: ADMIN },

  { method: 'POST', path: '/v1/rewards', access: MARKETER },
  { method: 'GET', path: '/v1/rewards', access: MARKETER },
  { method: 'GET', path: '/v1/rewards/{id}', access: MARKETER },
  { method: 'PUT', path: '/v1/rewards/{id}', access: MARKETER },
  { method: 'PATCH', path: '/v1/rewards/{id}', access: MARKETER },
  { method: 'DELETE', path: '/v1/rewards/{id}', access: MARKETER },
  { method: 'POST', path: '/v1/rewards/{id}/grants', access: MARKETER },
  { method: 'POST', path: '/v1/rewards/redemptions/{id}/cancel', access: MARKETER },
  { method: 'POST', path: '/v1/rewards/redemptions/{id}/use', access: PERK_DELIVERY },
  { method: 'POST', path: '/v1/rewards/jobs/expire-coupons', access: ADMIN },

  { method: 'GET', path: '/v1/campaigns', access: MARKETER },
  { method: 'POST', path: '/v1/campaigns', access: MARKETER },
  { method: 'POST', path: '/v1/campaigns/preview', access: MARKETER },
  { method: 'GET', path: '/v1/campaigns/{id}', access: MARKETER },
  { method: 'PUT', path: '/v1/campaigns/{id}', access: MARKETER },
  { method: 'PATCH', path: '/v1/campaigns/{id}', access: MARKETER },
  { method: 'DELETE', path: '/v1/campaigns/{id}', access: MARKETER },
  { method: 'POST', path: '/v1/campaigns/{id}/run', access: MARKETER },
  { method: 'GET', path: '/v1/campaigns/{id}/results', access: MARKETER },
  { method: 'GET', path: '/v1/campaigns/{id}/runs/{runId}/members', access: MARKETER },
  { method: 'GET', path: '/v1/campaigns/{id}/runs/{runId}/members/export', access: MARKETER },
  { method: 'POST', path: '/v1/campaigns/jobs/run-due', access: ADMIN },

  { method: 'POST', path: '/v1/insights/models/fit', access: MARKETER },
  { method: 'GET', path: '/v1/insights/models', access: MARKETER },
  { method: 'POST', path: '/v1/insights/jobs/refresh', access: ADMIN },
  { method: 'GET', path: '/v1/reports/liability', access: MARKETER },
  { method: 'GET', path: '/v1/reports/pareto', access: MARKETER },
  { method: 'GET', path: '/v1/reports/tiers', access: MARKETER },
  { method: 'GET', path: '/v1/reports/overview', access: MARKETER },
  { method: 'GET', path: '/v1/reports/segments', access: MARKETER },
  { method: 'GET', path: '/v1/reports/clv', access: MARKETER },
  { method: 'GET', path: '/v1/reports/goodwill', access: MARKETER },

  { method: 'GET', path: '/v1/audit-log', access: MARKETER },
  { method: 'GET', path: '/v1/ledger/audit', access: ADMIN },
  { method: 'POST', path: '/v1/ledger/jobs/release-pending', access: ADMIN },
  { method: 'POST', path: '/v1/ledger/jobs/expire', access: ADMIN },
  { method: 'POST', path: '/v1/ledger/jobs/remind-expiring', access: ADMIN },

  { method: 'GET', path: '/v1/events', access: EVENT_FEED },
  { method: 'POST', path: '/v1/events/jobs/delete-old', access: ADMIN },
  { method: 'POST', path: '/v1/webhook-endpoints', access: ADMIN },
  { method: 'GET', path: '/v1/webhook-endpoints', access: ADMIN },
  { method: 'GET', path: '/v1/webhook-endpoints/{id}', access: ADMIN },
  { method: 'PATCH', path: '/v1/webhook-endpoints/{id}', access: ADMIN },
  { method: 'DELETE', path: '/v1/webhook-endpoints/{id}', access: ADMIN },
  { method: 'POST', path: '/v1/webhook-endpoints/{id}/rotate-secret', access: ADMIN },
  { method: 'POST', path: '/v1/webhook-endpoints/{id}/test', access: ADMIN },
  { method: 'GET', path: '/v1/webhook-endpoints/{id}/deliveries', access: ADMIN },
  { method: 'POST', path: '/v1/webhook-deliveries/{id}/redeliver', access: ADMIN },
];
