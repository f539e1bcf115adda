import type { AdjustmentReason } from './adjustment.dto';

/**
 * The line an adjustment shows in the member's history. Staff see it with their note (`note`);
 * the member without it (their view rebuilds the line from the entry, note left out).
 */
export function describeAdjustment(adjustment: {
  points: number;
  reason: AdjustmentReason;
  ticketId?: string | null;
  note?: string | null;
}): string {
  const amount = `${Math.abs(adjustment.points)} points`;
  const ticket = adjustment.ticketId ? ` (ticket ${adjustment.ticketId})` : '';
  const note = adjustment.note ? `: ${adjustment.note}` : '';
  switch (adjustment.reason) {
    case 'goodwill':
      return `A goodwill gesture from us, ${amount}${ticket}${note}`;
    case 'correction':
      return `${adjustment.points > 0 ? 'Added' : 'Removed'} ${amount} to correct your balance${ticket}${note}`;
    case 'migration':
      return `${amount} ${adjustment.points > 0 ? 'carried over from' : 'removed in the move from'} our previous program${note}`;
  }
}
