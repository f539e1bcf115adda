import type { ActivityEntry } from '@vafa/ledger';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../adjustments/adjustment.dto';
import { describeAdjustment } from '../adjustments/adjustment-description';
import type { MemberActivityEntryDto } from './activity.dto';

/** Reference keys a member may see; everything else (staff key ids, notes, reasons) is internal. */
const MEMBER_REFERENCE_KEYS = new Set([
  'orderId',
  'checkoutId',
  'returnId',
  'rules',
  'rewardId',
  'redemptionId',
  'tier',
  'change',
  'ticketId',
  'fields',
]);

/** Adjustment reasons are a fixed list the member may read; other reasons are staff free text. */
const isAdjustmentReason = (reason: string | null): reason is AdjustmentReason =>
  (ADJUSTMENT_REASONS as readonly (string | null)[]).includes(reason);

/**
 * Kinds whose references are not the member's records: a referral's order is the referee's
 * (another member's), a campaign's run and holdout are internal.
 */
const KINDS_WITHOUT_REFERENCE = new Set(['referral', 'campaign']);

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

function memberReference(entry: ActivityEntry): Record<string, unknown> | null {
  if (!entry.reference || KINDS_WITHOUT_REFERENCE.has(entry.type)) {
    return null;
  }
  const kept = Object.entries(entry.reference).filter(
    ([key, value]) => MEMBER_REFERENCE_KEYS.has(key) && value !== null,
  );
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

/** The member's view of one entry of their history. */
export function toMemberActivity(entry: ActivityEntry): MemberActivityEntryDto {
  const adjustment = entry.type === 'adjust' && isAdjustmentReason(entry.reason);
  return {
    id: entry.id,
    type: entry.type,
    points: entry.points,
    occurredAt: entry.occurredAt,
    // An adjustment's line is rebuilt without the staff note, which stored lines carry.
    description: adjustment
      ? describeAdjustment({
          points: entry.points,
          reason: entry.reason as AdjustmentReason,
          ticketId: text(entry.reference?.ticketId),
        })
      : entry.description,
    // A granted gift's reason is written for the member (its line shows it too).
    reason: entry.type === 'adjust' && !adjustment ? null : entry.reason,
    reference: memberReference(entry),
  };
}
