/**
 * An in-memory reference model of one member's points ledger: balances, lots and what each
 * debit still holds of each lot. It knows nothing of SQL; the model test drives it side by side
 * with the real ledger and compares the two after every step.
 *
 * Lots are keyed by the real lot id (a uuid), so that ties in the ledger's lot orders
 * (`expires_at, available_at, id`) are broken exactly as PostgreSQL breaks them: lower-case
 * uuid text compares in the same order as PostgreSQL's byte-wise uuid comparison.
 */

export type ModelLotState = 'pending' | 'available';

export interface ModelLot {
  /** The real lot id. */
  id: string;
  /** The id of the credit transaction that made the lot. */
  creditId: string;
  amount: number;
  remaining: number;
  state: ModelLotState;
  /** Epoch milliseconds. */
  availableAt: number;
  /** Epoch milliseconds; null = never expires. */
  expiresAt: number | null;
}

export interface ModelTransaction {
  id: string;
  kind: 'credit' | 'debit';
  /** How many points it moved (positive for both kinds). */
  points: number;
  /** How many of them later reversals took back. */
  reversed: number;
  /** Of a debit: what it still holds of each lot (lot id → points), net of its reversals. */
  held: Map<string, number>;
}

export type ReversalPrediction =
  { ok: true; amount: number } | { ok: false; code: 'REVERSAL_EXCEEDS_ORIGINAL'; left: number };

export interface ModelBalances {
  available: number;
  pending: number;
}

export interface ModelLotView {
  creditId: string;
  amount: number;
  remaining: number;
  state: ModelLotState;
}

const compareNullsLast = (a: number | null, b: number | null): number => {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  return a - b;
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order debits spend lots in: `expires_at ASC NULLS LAST, available_at, id`. */
const spendOrder = (a: ModelLot, b: ModelLot): number =>
  compareNullsLast(a.expiresAt, b.expiresAt) ||
  a.availableAt - b.availableAt ||
  compareText(a.id, b.id);

/** The order a debit's reversal gives points back in: `expires_at DESC NULLS FIRST, id DESC`. */
const restoreOrder = (a: ModelLot, b: ModelLot): number =>
  -compareNullsLast(a.expiresAt, b.expiresAt) || -compareText(a.id, b.id);

export class LedgerModel {
  available = 0;
  pending = 0;
  readonly lots = new Map<string, ModelLot>();
  /** Successful credits and debits, in the order they happened. */
  readonly transactions: ModelTransaction[] = [];

  balances(): ModelBalances {
    return { available: this.available, pending: this.pending };
  }

  /** Every lot as the comparison sees it, ordered by credit id. */
  lotViews(): ModelLotView[] {
    return [...this.lots.values()]
      .map((l) => ({
        creditId: l.creditId,
        amount: l.amount,
        remaining: l.remaining,
        state: l.state,
      }))
      .sort((a, b) => compareText(a.creditId, b.creditId));
  }

  /**
   * A credit of `points` made at `now`: pending when `availableAt` is later than now. An
   * available credit made while the member owes points pays that debt out of the new lot.
   */
  credit(
    ids: { transactionId: string; lotId: string },
    points: number,
    now: number,
    availableAt: number | undefined,
    expiresAt: number | null,
  ): void {
    const pending = availableAt !== undefined && availableAt > now;
    const lot: ModelLot = {
      id: ids.lotId,
      creditId: ids.transactionId,
      amount: points,
      remaining: points,
      state: pending ? 'pending' : 'available',
      availableAt: pending ? availableAt : now,
      expiresAt,
    };
    this.lots.set(lot.id, lot);
    if (pending) {
      this.pending += points;
    } else {
      const prior = this.available;
      this.available += points;
      if (prior < 0) {
        lot.remaining -= Math.min(points, -prior);
      }
    }
    this.transactions.push({
      id: ids.transactionId,
      kind: 'credit',
      points,
      reversed: 0,
      held: new Map(),
    });
  }

  /** A debit fails with INSUFFICIENT_POINTS exactly when fewer points are available. */
  debitFails(points: number): boolean {
    return this.available < points;
  }

  debit(transactionId: string, points: number): void {
    if (this.debitFails(points)) {
      throw new Error('model: debit of more than is available');
    }
    this.available -= points;
    const taken = this.consume(points);
    const total = [...taken.values()].reduce((s, n) => s + n, 0);
    if (total !== points) {
      throw new Error(`model: lots held ${total} of ${points} available points`);
    }
    this.transactions.push({ id: transactionId, kind: 'debit', points, reversed: 0, held: taken });
  }

  /** What reversing `points` (all that is left when undefined) of `original` would do. */
  predictReversal(original: ModelTransaction, points: number | undefined): ReversalPrediction {
    const left = original.points - original.reversed;
    const amount = points ?? left;
    if (amount <= 0 || amount > left) {
      return { ok: false, code: 'REVERSAL_EXCEEDS_ORIGINAL', left };
    }
    return { ok: true, amount };
  }

  reverse(original: ModelTransaction, amount: number): void {
    const left = original.points - original.reversed;
    if (amount <= 0 || amount > left) {
      throw new Error('model: reversal of more than is left');
    }
    original.reversed += amount;
    if (original.kind === 'credit') {
      this.reverseCredit(original, amount);
    } else {
      this.reverseDebit(original, amount);
    }
  }

  /**
   * Cancels the credit's own lot first (pending or available), then takes the shortfall from
   * other available lots; available goes negative (a debt) by whatever the lots could not cover.
   */
  private reverseCredit(original: ModelTransaction, amount: number): void {
    let pendingTaken = 0;
    let availableTaken = 0;
    for (const lot of this.lots.values()) {
      if (lot.creditId !== original.id) {
        continue;
      }
      const take = Math.min(lot.remaining, amount - pendingTaken - availableTaken);
      if (take <= 0) {
        continue;
      }
      lot.remaining -= take;
      if (lot.state === 'pending') {
        pendingTaken += take;
      } else {
        availableTaken += take;
      }
    }
    const shortfall = amount - pendingTaken - availableTaken;
    this.consume(shortfall);
    this.available -= availableTaken + shortfall;
    this.pending -= pendingTaken;
  }

  /**
   * Gives the points back to the lots the debit took them from, latest expiry first; then, if
   * the member owed points before, pays that debt (up to the amount) from available lots.
   */
  private reverseDebit(original: ModelTransaction, amount: number): void {
    const prior = this.available;
    const held = [...original.held]
      .filter(([, n]) => n > 0)
      .map(([id, n]) => ({ lot: this.lot(id), n }))
      .sort((a, b) => restoreOrder(a.lot, b.lot));
    let restored = 0;
    for (const { lot, n } of held) {
      const give = Math.min(n, amount - restored);
      if (give <= 0) {
        break;
      }
      lot.remaining += give;
      original.held.set(lot.id, n - give);
      restored += give;
    }
    if (restored !== amount) {
      throw new Error(`model: restored ${restored} of ${amount}`);
    }
    this.available += amount;
    // Paying the debt afterwards is not the debit's own movement: it changes nothing it holds.
    if (prior < 0) {
      this.consume(Math.min(amount, -prior));
    }
  }

  /** Pending lots due by `now` become available, then pay a debt the member had. */
  release(now: number): void {
    const prior = this.available;
    let released = 0;
    for (const lot of this.lots.values()) {
      if (lot.state !== 'pending' || lot.availableAt > now) {
        continue;
      }
      lot.state = 'available';
      released += lot.remaining;
    }
    if (released <= 0) {
      return;
    }
    this.pending -= released;
    this.available += released;
    if (prior < 0) {
      this.consume(Math.min(-prior, released));
    }
  }

  /** What remains of available lots past their expiry is gone. */
  expire(now: number): void {
    let expired = 0;
    for (const lot of this.lots.values()) {
      if (lot.state !== 'available' || lot.remaining <= 0) {
        continue;
      }
      if (lot.expiresAt === null || lot.expiresAt > now) {
        continue;
      }
      expired += lot.remaining;
      lot.remaining = 0;
    }
    this.available -= expired;
  }

  /** Takes up to `points` from available lots, soonest expiry first; returns lot id → taken. */
  private consume(points: number): Map<string, number> {
    const taken = new Map<string, number>();
    if (points <= 0) {
      return taken;
    }
    const lots = [...this.lots.values()]
      .filter((l) => l.state === 'available' && l.remaining > 0)
      .sort(spendOrder);
    let left = points;
    for (const lot of lots) {
      if (left <= 0) {
        break;
      }
      const take = Math.min(lot.remaining, left);
      lot.remaining -= take;
      taken.set(lot.id, take);
      left -= take;
    }
    return taken;
  }

  private lot(id: string): ModelLot {
    const lot = this.lots.get(id);
    if (!lot) {
      throw new Error(`model: no lot ${id}`);
    }
    return lot;
  }
}
