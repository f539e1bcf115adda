import { SPEND_WINDOW_DAYS, type ValueRanking } from './audience.query';
import type { BatchCounts, RunWarning } from './campaign-run';
import type { CampaignEntity } from './campaign.entity';
import { isMeasurable, MIN_GROUP_SIZE, minimumDetectableEffect, rateSd } from './holdout-power';

/** What the marketer should know about a run: an unmeasurable holdout, a value proxy. */
export function runWarnings(
  campaign: CampaignEntity,
  totals: BatchCounts,
  ranking: ValueRanking,
): RunWarning[] {
  const warnings: RunWarning[] = [];
  const { eligible, holdout } = totals;
  const treated = totals.granted;
  if (campaign.holdoutPercent > 0 && eligible > 0 && holdout === 0) {
    const needed = Math.ceil((100 * MIN_GROUP_SIZE) / campaign.holdoutPercent);
    warnings.push({
      code: 'HOLDOUT_EMPTY',
      message:
        `No one was assigned to the holdout: ${campaign.holdoutPercent}% of ${eligible} eligible ` +
        `member${eligible === 1 ? '' : 's'} rounds down to 0, so this run's uplift cannot be measured. ` +
        `A holdout of ${MIN_GROUP_SIZE} needs at least ${needed} eligible members at ${campaign.holdoutPercent}%.`,
    });
  } else if (campaign.holdoutPercent > 0 && holdout > 0) {
    const mde = minimumDetectableEffect(rateSd(null), treated, holdout);
    if (!isMeasurable(treated, holdout, mde, null)) {
      warnings.push({
        code: 'HOLDOUT_TOO_SMALL',
        message:
          `The holdout (${holdout}) and treated group (${treated}) are too small to measure uplift: ` +
          (mde === null
            ? 'a group is empty.'
            : `the smallest detectable difference in purchase rate (95% confidence, 80% power, ` +
              `p = 0.5) is ${(mde * 100).toFixed(0)} points, more than the rate can rise.`),
      });
    }
  }
  if (ranking.basis === 'spend') {
    warnings.push({
      code: 'CLV_NOT_AVAILABLE',
      message:
        'No insight model has been fitted (POST /v1/insights/models/fit says what history it needs), ' +
        `so top_clv_percent ranked members by net spend over the last ${SPEND_WINDOW_DAYS} days ` +
        '(ties: the most recent purchase first).',
    });
  }
  return warnings;
}
