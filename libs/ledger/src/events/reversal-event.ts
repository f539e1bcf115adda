import type { EventPayload, OutboxEvent } from '@vafa/platform';
import type { LedgerEntry } from '../operations/ledger-entry';
import type { PointsReversedEventData, ReversalReason } from './points-events.dto';

/** The points.reversed event of a reversal the ledger just wrote. */
export function pointsReversedEvent(
  entry: LedgerEntry,
  reversedTransactionId: string,
  why: {
    reason: ReversalReason;
    orderId?: string;
    returnId?: string;
    rewardId?: string;
    redemptionId?: string;
  },
): OutboxEvent {
  const data: EventPayload<PointsReversedEventData> = {
    memberId: entry.memberId,
    transactionId: entry.transactionId,
    reversedTransactionId,
    reversed: entry.points < 0 ? 'earned' : 'spent',
    points: entry.points,
    pendingPoints: entry.pendingPoints,
    reason: why.reason,
    orderId: why.orderId ?? null,
    returnId: why.returnId ?? null,
    rewardId: why.rewardId ?? null,
    redemptionId: why.redemptionId ?? null,
    balance: { available: entry.balance.available, pending: entry.balance.pending },
  };
  return { type: 'points.reversed', memberId: entry.memberId, data };
}
