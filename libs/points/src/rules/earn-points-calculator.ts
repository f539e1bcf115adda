/**
 * How points are earned on an order
 * =================================
 *
 * Which rules take part
 *   A rule takes part in an order when it is active and every condition it sets holds
 *   (an absent condition, or an empty list, means "no restriction"):
 *   - channels, storeIds, tiers: the order's channel / store / member tier is listed
 *     (the tier is `order.tier`, else `order.tierMultiplier.code`). A rule that lists
 *     stores or tiers never matches an order without a store or tier.
 *   - minOrderTotal: the order subtotal before discounts (sum of quantity × unitPrice,
 *     in minor units) is at least this amount.
 *   - daysOfWeek: the ISO weekday (1 = Monday … 7 = Sunday) of `occurredAt` in the
 *     order's time zone (default UTC) is listed. 23:30 on a Sunday in New York is a
 *     Monday in UTC; with timeZone 'America/New_York' it counts as Sunday.
 *   - validFrom / validUntil: validFrom <= occurredAt < validUntil. A date that cannot
 *     be parsed means the rule does not match.
 *   - limits.perMemberPerDay: the member has had the rule applied fewer times today
 *     than the limit (`ruleUsageToday`). One order counts as one use for every rule in
 *     `appliedRules` (see ruleApplicationsToRecord), however many lines it touched.
 *   skus and categories are line conditions: a rule only acts on lines whose sku is
 *   listed (if skus is set) AND whose category is listed (if categories is set).
 *
 *   Rules are considered by priority, highest first; equal priorities by id ascending.
 *
 * Points on a line, in minor units of the line's net amount (what the member paid after
 * order discounts; a zero or negative amount earns nothing):
 *   1. Base: the first rule acting on the line that has pointsPerUnit sets the rate, and
 *      no other rule's rate is used on that line:
 *        basePoints = floor(netAmount × pointsPerUnit / minorUnitsPerMajor)
 *      Rates are exact to 4 decimal places (0.1 point per dollar on $19.99 gives 1, not
 *      a float artefact). A rate of 0 on a high-priority rule excludes lines from earning.
 *   2. Multipliers: walking the rules acting on the line that have a multiplier, each
 *      applied multiplier m adds floor(basePoints × (m − 1)); so 2× and 3× together give
 *      base + 1×base + 2×base = 4×base. A stackable multiplier applies unless an
 *      exclusive (stackable: false) one already has; an exclusive one applies only if no
 *      multiplier has applied to the line yet, and then no further multiplier does.
 *      Multipliers are exact to 4 decimal places.
 *   3. Tier: if the member's tier multiplier m is above 1 it always applies last and
 *      adds floor(basePoints × (m − 1)), shown as "<tier name> tier ×<m>" with rule id
 *      "tier:<code>".
 *   A line without a base rate earns 0, whatever multipliers match it.
 *
 * Order bonus: a rule with fixedPoints adds them once per order when it takes part in
 *   the order and, if it has sku/category conditions, at least one line matches them.
 *   Among fixed-bonus rules the same stackable / exclusive walk decides which apply.
 *
 * A rule may have several effects (e.g. a rate and a multiplier); each acts in its own
 * step above. Effect values that could only remove points (negative rates or bonuses,
 * multipliers below 1) are ignored; points are never negative. Neutral values still
 * take part: an exclusive ×1 multiplier or +0 bonus blocks the others, like a 0 rate.
 * Fractional fixedPoints are floored.
 *
 * Result: totalPoints = sum of line points + order bonuses. appliedRules lists each rule
 * that gave more than 0 points, with its total over all lines (a rule whose share floored
 * to 0 is not listed and not counted towards its daily limit), in application order:
 * base rules, then multiplier rules, then the tier, then order bonuses, each group by
 * priority. description joins their names with ", ".
 */
import type { EarningRule, EarnPointsResult, OrderForEarning } from './earning-rule-types';
import { appliedRuleIds, summarizeAppliedRules } from './applied-rules-summary';
import type { RankedRule } from './contribution';
import { isoDayOfWeek } from './day-of-week';
import { fixedBonusContributions } from './fixed-bonus';
import { toWholeMinorUnits } from './integer-math';
import { earnLine } from './line-earning';
import { matchesOrder, type OrderFacts } from './rule-conditions';
import { sortRulesByPriority } from './rule-priority';

function orderFacts(order: OrderForEarning): OrderFacts {
  const occurredAtMs = order.occurredAt.getTime();
  if (Number.isNaN(occurredAtMs)) {
    throw new RangeError('occurredAt is not a valid date');
  }
  return {
    channel: order.channel,
    storeId: order.storeId,
    tier: order.tier ?? order.tierMultiplier?.code,
    dayOfWeek: isoDayOfWeek(order.occurredAt, order.timeZone ?? 'UTC'),
    occurredAtMs,
    subtotal: order.lines.reduce(
      (sum, line) => sum + toWholeMinorUnits(line.quantity * line.unitPrice),
      0,
    ),
    ruleUsageToday: order.ruleUsageToday,
  };
}

/**
 * Computes the points an order earns under `rules`. Throws RangeError for an invalid
 * occurredAt, an unknown time zone, or a minorUnitsPerMajor that is not a positive integer.
 */
export function calculateEarnPoints(
  order: OrderForEarning,
  rules: readonly EarningRule[],
): EarnPointsResult {
  if (!Number.isInteger(order.minorUnitsPerMajor) || order.minorUnitsPerMajor <= 0) {
    throw new RangeError(
      `minorUnitsPerMajor must be a positive integer (got ${order.minorUnitsPerMajor})`,
    );
  }
  const facts = orderFacts(order);
  const matching: RankedRule[] = sortRulesByPriority(rules)
    .map((rule, rank) => ({ rule, rank }))
    .filter(({ rule }) => matchesOrder(rule, facts));

  const earnedLines = order.lines.map((line, index) => ({
    index,
    sku: line.sku,
    ...earnLine(line, matching, order.minorUnitsPerMajor, order.tierMultiplier),
  }));
  const bonuses = fixedBonusContributions(matching, order.lines);

  const appliedRules = summarizeAppliedRules([
    ...earnedLines.flatMap((l) => l.contributions),
    ...bonuses,
  ]);
  const linePoints = earnedLines.reduce((sum, l) => sum + l.points, 0);
  const bonusPoints = bonuses.reduce((sum, b) => sum + b.points, 0);

  return {
    totalPoints: linePoints + bonusPoints,
    lines: earnedLines.map(({ index, sku, basePoints, points, contributions }) => ({
      index,
      sku,
      basePoints,
      points,
      appliedRuleIds: appliedRuleIds(contributions),
    })),
    appliedRules,
    description: appliedRules.map((rule) => rule.name).join(', '),
  };
}
