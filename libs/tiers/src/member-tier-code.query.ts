/**
 * The SQL expression of the code of the tier the member `memberId` (an SQL expression) is in:
 * their stored tier, or the lowest tier when they have none; for other libs' queries that
 * select members by tier in one statement (e.g. campaign audiences).
 */
export const memberTierCodeSql = (memberId: string): string =>
  `coalesce((SELECT tier_code FROM member_tiers mt WHERE mt.member_id = ${memberId}),
            (SELECT code FROM tiers ORDER BY rank LIMIT 1))`;
