import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, StaffPrincipal, validationFailed } from '@vafa/platform';
import { ProgramSettingsRepository } from '@vafa/ledger';
import { MembersRepository } from '@vafa/members';
import { EarningRulesRepository } from '../earning-rules/earning-rules.repository';
import { requireChannelAllowed, requireOwnStore } from '../orders/store-scope';
import { calculateEarnPoints, EarnPointsResult, ruleApplicationsToRecord } from '../rules';
import type { EarningRule } from '../rules';
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
export function programDay(at: Date, timeZone: string): string {
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
    const occurredAt = checkoutOccurredAt(input, now);
    // Program settings and rules change rarely: both come from short-lived caches that a change
    // made through this process clears at once (see their services).
    const settings = await this.program.cached(manager);
    const day = programDay(occurredAt, settings.timeZone);
    const coupons = await this.coupons.price(
      {
        memberId: member.id,
        lines: pricedLines(input),
        subtotal: subtotalOf(input),
        at: occurredAt,
      },
      input.couponCodes ?? [],
      manager,
    );
    const rules = await this.rules.cachedActiveRules(manager);
    // Today's uses only matter to rules with a daily limit.
    const usage = countsRuleUses(rules)
      ? await db.query<{ rule_id: string; uses: number }[]>(
          'SELECT rule_id, uses FROM earning_rule_usage WHERE member_id = $1 AND day = $2',
          [member.id, day],
        )
      : [];
    const tier = await this.tiers.current(member.id, manager);
    return quoteOf({
      input,
      member,
      storeId,
      now,
      settings,
      rules,
      coupons,
      tier,
      usageToday: Object.fromEntries(usage.map((u) => [u.rule_id, u.uses])),
    });
  }

  /** What a batch of checkouts reads once for all of them (both from short-lived caches). */
  async programAndRules(
    manager?: EntityManager,
  ): Promise<{ settings: QuoteSettings; rules: readonly EarningRule[] }> {
    return {
      settings: await this.program.cached(manager),
      rules: await this.rules.cachedActiveRules(manager),
    };
  }
}

/** The program settings a quote reads. */
export type QuoteSettings = Awaited<ReturnType<ProgramSettingsRepository['cached']>>;

/** When the order happened: now by default; 400 when too far in the future. */
export function checkoutOccurredAt(input: Pick<CheckoutDto, 'occurredAt'>, now: Date): Date {
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw validationFailed('occurredAt is in the future.');
  }
  return occurredAt;
}

/** Whether any rule has a per-member daily limit (only then are today's uses read). */
export const countsRuleUses = (rules: readonly EarningRule[]): boolean =>
  rules.some((r) => r.limits?.perMemberPerDay !== undefined);

const pricedLines = (input: CheckoutDto) =>
  input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }));

const subtotalOf = (input: CheckoutDto): number =>
  input.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);

/** A checkout's quote from what was read for it: no database, so a batch quotes many at once. */
export function quoteOf(read: {
  input: CheckoutDto;
  member: CheckoutMember;
  storeId: string | null;
  now: Date;
  settings: QuoteSettings;
  rules: readonly EarningRule[];
  coupons: CouponApplication[];
  tier: CheckoutTier | null;
  /** Today's uses of rules with a daily limit, by rule id. */
  usageToday: Record<string, number>;
}): CheckoutQuote {
  const { input, settings, rules, tier, storeId } = read;
  const occurredAt = checkoutOccurredAt(input, read.now);
  const pricing = priceOrder(
    pricedLines(input),
    read.coupons.reduce((sum, c) => sum + c.discount, 0),
    input.redeemPoints ?? 0,
    settings,
  );
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
      ruleUsageToday: read.usageToday,
    },
    rules,
  );
  const { availableAt, expiresAt } = purchaseLotDates(settings, occurredAt, read.now);
  return {
    member: read.member,
    storeId,
    occurredAt,
    pricing,
    coupons: read.coupons,
    earn,
    ruleUses: ruleApplicationsToRecord(earn, rules),
    tier,
    day: programDay(occurredAt, settings.timeZone),
    availableAt,
    expiresAt,
    minorUnitsPerMajor: settings.minorUnitsPerMajor,
  };
}
