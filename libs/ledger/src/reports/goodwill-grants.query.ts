/**
 * The goodwill credits staff granted (positive adjustments with reason `goodwill`), for points'
 * goodwill limits and report: `member_id`, `points`, `occurred_at`, `granted_by` (the staff key)
 * and `ticket_id`. Use it as a subquery, `FROM (${GOODWILL_GRANTS}) g WHERE ...`: PostgreSQL
 * merges it into the query, so conditions on its columns use the ledger's indexes.
 */
export const GOODWILL_GRANTS = `
  SELECT member_id, points, occurred_at, reference->>'grantedBy' AS granted_by,
         reference->>'ticketId' AS ticket_id
  FROM ledger_transactions
  WHERE kind = 'adjust' AND reason = 'goodwill' AND points > 0`;
