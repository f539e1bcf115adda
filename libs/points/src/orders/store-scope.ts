import { DomainError, StaffPrincipal } from '@vafa/platform';

/**
 * A cashier key acts only for its own store: checking out for another store, or returning an
 * order another store (or no store) checked out, is 403 STORE_MISMATCH. Other roles are not bound
 * to a store.
 */
export function requireOwnStore(principal: StaffPrincipal, storeId: string | null): void {
  if (principal.role === 'cashier' && storeId !== principal.storeId) {
    throw new DomainError(
      403,
      'STORE_MISMATCH',
      `This key belongs to store ${principal.storeId}.`,
      { storeId: principal.storeId },
    );
  }
}
