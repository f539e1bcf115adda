import type { StaffRole } from '../../api/session';

export const ROLES: readonly StaffRole[] = ['admin', 'marketer', 'cashier', 'integration'];

/** Roles that may be bound to one store: a cashier must be, an integration may be. */
export const STORE_ROLES: readonly StaffRole[] = ['cashier', 'integration'];
