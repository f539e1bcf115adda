import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, StaffPrincipal, validationFailed } from '@vafa/platform';
import { ProgramSettingsRepository } from '@vafa/ledger';
import { MembersRepository } from '@vafa/members';
import { EarningRulesRepository } from '../earning-rules/earning-rules.repository';
import { requireChannelAllowed, requireOwnStore } from '../orders/store-scope';
import { calculateEarnPoints, EarnPointsResult, ruleApplicationsToRecord } from '../rules';
import type { CheckoutDto } from './checkout.dto';
import { priceOrder, Pricing } from './checkout-pricing';
import { purchaseLotDates } from './purchase-lot-dates';
import { CouponApplication, CouponSeam } from './coupon.seam';
import { resolveMemberRef } from './member-ref';
import { CheckoutTier, TierSeam } from './tier.seam';

/** The member a checkout is for. */
export interface CheckoutMember {
  id: string;
}

export interface CheckoutQuote {
  member: CheckoutMember;
  storeId: string | null;
  occurredAt: Date;
  pricing: Pricing;
  coupons: CouponApplication[];
  earn: EarnPointsResult;
  /** Rules with a daily limit that this order uses once more (see ruleApplicationsToRecord). */
  ruleUses: string[];
  tier: CheckoutTier | null;
  /** The program day (in its time zone) the per-day rule limits count in. */
  day: string;
  availableAt: Date;
  expiresAt: Date | null;
  /** The program's currency: minor units per major unit (100 for USD, 1000 for KWD). */
  minorUnitsPerMajor: number;
}

const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/** The program day of an instant (YYYY-MM-DD in the program's time zone). */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function programDay(at: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone (nothing is kept then).
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** Everything a checkout computes before writing: shared by the checkout and its simulation. */
@Injectable()
export class CheckoutQuoteQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly program: ProgramSettingsRepository,
    private readonly rules: EarningRulesRepository,
    private readonly coupons: CouponSeam,
    private readonly tiers: TierSeam,
    private readonly clock: Clock,
  ) {}

  async resolveMember(
    ref: CheckoutDto['member'],
    manager?: EntityManager,
  ): Promise<CheckoutMember> {
    return { id: await resolveMemberRef(this.members, ref, manager) };
  }

  /** The store an order is recorded for, within what the key may do (channel, store). */
  storeFor(input: CheckoutDto, principal: StaffPrincipal): string | null {
    requireChannelAllowed(principal, input.channel);
    if (input.storeId) {
      requireOwnStore(principal, input.storeId);
    }
    return input.storeId ?? principal.storeId;
  }

  async quote(
    input: CheckoutDto,
    member: CheckoutMember,
    storeId: string | null,
    manager?: EntityManager,
  ): Promise<CheckoutQuote> {
    const db = manager ?? this.dataSource.manager;
    const now = this.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
      throw validationFailed('occurredAt is in the future.');
    }
    // Program settings and rules change rarely: both come from short-lived caches that a change
    // made through this process clears at once (see their services).
    const settings = await this.program.cached(manager);
    const day = programDay(occurredAt, settings.timeZone);
    const priced = input.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    }));
    const subtotal = priced.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    const coupons = await this.coupons.price(
      { memberId: member.id, lines: priced, subtotal, at: occurredAt },
      input.couponCodes ?? [],
      manager,
    );
    const pricing = priceOrder(
      priced,
      coupons.reduce((sum, c) => sum + c.discount, 0),
      input.redeemPoints ?? 0,
      settings,
    );
    const rules = await this.rules.cachedActiveRules(manager);
    // Today's uses only matter to rules with a daily limit.
    const usage = rules.some((r) => r.limits?.perMemberPerDay !== undefined)
      ? await db.query<{ rule_id: string; uses: number }[]>(
          'SELECT rule_id, uses FROM earning_rule_usage WHERE member_id = $1 AND day = $2',
          [member.id, day],
        )
      : [];
    const tier = await this.tiers.current(member.id, manager);
    const earn = calculateEarnPoints(
      {
        channel: input.channel,
        tier: tier?.code,
        tierMultiplier: tier && tier.multiplier > 1 ? tier : undefined,
        storeId: storeId ?? undefined,
        occurredAt,
        timeZone: settings.timeZone,
        minorUnitsPerMajor: settings.minorUnitsPerMajor,
        lines: input.lines.map((l, i) => ({ ...l, netAmount: pricing.netAmounts[i] ?? 0 })),
        ruleUsageToday: Object.fromEntries(usage.map((u) => [u.rule_id, u.uses])),
      },
      rules,
    );
    const { availableAt, expiresAt } = purchaseLotDates(settings, occurredAt, now);
    return {
      member,
      storeId,
      occurredAt,
      pricing,
      coupons,
      earn,
      ruleUses: ruleApplicationsToRecord(earn, rules),
      tier,
      day,
      availableAt,
      expiresAt,
      minorUnitsPerMajor: settings.minorUnitsPerMajor,
    };
  }
}
