import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  deferredQuery,
  EventOutbox,
  GroupCommit,
  claimIdempotencyKeys,
  firstAnswers,
  idempotencyKeyReused,
  type IdempotentRequest,
  inTransaction,
  isUuid,
  type ItemOutcome,
  onCitus,
  preparedQuery,
  releaseIdempotencyKeys,
  sqlState,
  storeIdempotentResponses,
  VafaConfig,
} from '@vafa/platform';
import { creditLockedAccounts, LedgerQuery, lockMemberAccounts } from '@vafa/ledger';
import { memberNotFound, MembersRepository } from '@vafa/members';
import { orderExists } from '../../points.errors';
import type { CheckoutDto } from '../checkout.dto';
import {
  CheckoutQuoteQuery,
  countsRuleUses,
  programDay,
  quoteOf,
  checkoutOccurredAt,
} from '../checkout-quote.query';
import { type CheckoutResult, checkoutResult } from '../checkout-result';
import { PurchaseSeam, type PurchasesReaction } from '../purchase.seam';
import { TierSeam } from '../tier.seam';
import {
  INSERT_ORDER_IDS,
  INSERT_ORDERS,
  RELEASE_ORDER_IDS,
  USAGE_TODAY,
} from './checkout-batch-statements';
import {
  type Accepted,
  type BatchedCheckout,
  earnCredit,
  earnedEvent,
  ordersColumns,
} from './checkout-batch-rows';

/** A placeholder every item of a batch replaces with its own outcome. */
const UNDECIDED: ItemOutcome<CheckoutResult> = { ok: false, error: 'undecided' };

/** Batches written at once: one connection each, enough to keep both kinds of work busy. */
const LANES = 2;

/**
 * Group commit for checkouts (bench/DESIGN-batching.md): concurrent plain checkouts (a member named
 * by id, no coupon, no points spent) are written together, a batch per transaction, in a few
 * set-based statements. Each keeps its own idempotency key, its own answer and its own refusal
 * (unknown member, key reused, order id taken), decided under the batch's locks; every other
 * shape, and every checkout of a batch that fails as a whole, takes the single path.
 */
@Injectable()
export class CheckoutBatchUseCase {
  private readonly queue: GroupCommit<BatchedCheckout, CheckoutResult>;
  private readonly logger = new Logger('Checkouts');
  /** Batches that failed as a whole (their checkouts then went alone). */
  private failedBatches = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: VafaConfig,
    private readonly quotes: CheckoutQuoteQuery,
    private readonly members: MembersRepository,
    private readonly ledger: LedgerQuery,
    private readonly tiers: TierSeam,
    private readonly purchases: PurchaseSeam,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {
    this.queue = new GroupCommit(
      { lanes: LANES, maxBatch: config.checkoutBatchMax },
      (item) => item.memberId,
      (items) => this.write(items),
    );
  }

  /** The member id when this checkout may join a batch, else null (it takes the single path). */
  async memberIdFor(input: CheckoutDto): Promise<string | null> {
    const { id, cardNumber, phone } = input.member;
    if (
      this.config.checkoutBatch !== 'on' ||
      id === undefined ||
      cardNumber !== undefined ||
      phone !== undefined ||
      (input.couponCodes?.length ?? 0) > 0 ||
      (input.redeemPoints ?? 0) > 0 ||
      !isUuid(id)
    ) {
      return null;
    }
    // Citus runs each member's statements on the member's shard: batches span shards.
    const citus = await onCitus(this.dataSource.manager).catch(() => true);
    return citus ? null : id.toLowerCase();
  }

  /** Batches written in this process, the checkouts in them, failed batches, checkouts queued. */
  stats(): { batches: number; checkouts: number; failedBatches: number; waiting: number } {
    return {
      batches: this.queue.batches,
      checkouts: this.queue.items,
      failedBatches: this.failedBatches,
      waiting: this.queue.waiting,
    };
  }

  submit(item: BatchedCheckout): Promise<CheckoutResult> {
    // Refused before it waits: what the single path refuses before touching the database.
    checkoutOccurredAt(item.input, this.clock.now());
    return this.queue.submit(item);
  }

  private async write(items: BatchedCheckout[]): Promise<ItemOutcome<CheckoutResult>[]> {
    try {
      return await inTransaction(this.dataSource, (manager) => this.writeTogether(manager, items));
    } catch (error) {
      // The batch wrote nothing. One poison checkout must not refuse the others: each alone.
      this.failedBatches++;
      this.logger.warn(
        `A batch of ${items.length} checkouts failed (${sqlState(error) ?? (error as Error).name}); each goes alone.`,
      );
      return Promise.all(
        items.map((item) =>
          item.alone().then(
            (value): ItemOutcome<CheckoutResult> => ({ ok: true, value }),
            (error: unknown): ItemOutcome<CheckoutResult> => ({ ok: false, error }),
          ),
        ),
      );
    }
  }

  private async writeTogether(
    manager: EntityManager,
    items: BatchedCheckout[],
  ): Promise<ItemOutcome<CheckoutResult>[]> {
    const now = this.clock.now();
    const { settings, rules } = await this.quotes.programAndRules(manager);
    const ids = items.map((i) => i.memberId);
    const requests: IdempotentRequest[] = items.map((i) => ({
      memberId: i.memberId,
      scope: i.scope,
      key: i.key,
      hash: i.hash,
    }));
    const orderUuids = items.map(() => randomUUID());
    // All of these go out at once, in one round trip: the claims, the account locks in member
    // order (the single path's order), what the quotes read, and the merchant order ids (given
    // back below for the few checkouts that then turn out replayed or refused).
    const known = this.members.existingIds(ids, manager);
    const claims = claimIdempotencyKeys(manager, requests);
    const accounts = lockMemberAccounts(manager, ids);
    const usage = countsRuleUses(rules)
      ? preparedQuery<{ member_id: string; rule_id: string; uses: number }>(manager, USAGE_TODAY, [
          ids,
          items.map((i) => programDay(checkoutOccurredAt(i.input, now), settings.timeZone)),
        ])
      : Promise.resolve({ rows: [] });
    const tiers = this.tiers.currentMany(ids, manager);
    // Other domains' reads for the purchases (referrals) go out now too; they react once written.
    const reactToPurchases = this.purchases.beforePurchases(manager, ids);
    const ordered = preparedQuery<{ member_id: string }>(manager, INSERT_ORDER_IDS, [
      items.map((i) => i.input.orderId),
      ids,
      orderUuids,
    ]);
    for (const sent of [known, claims, accounts, usage, tiers, ordered]) {
      sent.catch(() => undefined);
    }
    const knownIds = await known;
    const claimed = await claims;
    const balances = await accounts;
    const usageByMember = new Map<string, Record<string, number>>();
    for (const u of (await usage).rows) {
      const counts = usageByMember.get(u.member_id) ?? {};
      counts[u.rule_id] = u.uses;
      usageByMember.set(u.member_id, counts);
    }
    const tierOf = await tiers;
    const orderWritten = new Set((await ordered).rows.map((r) => r.member_id));

    // Every item gets its outcome below; this one (shared, no stack trace to take) never stays.
    const outcomes: ItemOutcome<CheckoutResult>[] = items.map(() => UNDECIDED);
    const taken: number[] = [];
    const accepted: Accepted[] = [];
    items.forEach((item, index) => {
      if (!knownIds.has(item.memberId)) {
        outcomes[index] = { ok: false, error: memberNotFound() };
      } else if (!claimed.has(item.memberId)) {
        taken.push(index);
      } else if (!orderWritten.has(item.memberId)) {
        outcomes[index] = { ok: false, error: orderExists(item.input.orderId) };
      } else {
        try {
          const quote = quoteOf({
            input: item.input,
            member: { id: item.memberId },
            storeId: item.storeId,
            now,
            settings,
            rules,
            coupons: [],
            tier: tierOf.get(item.memberId) ?? null,
            usageToday: usageByMember.get(item.memberId) ?? {},
          });
          accepted.push({ index, item, quote, orderUuid: orderUuids[index] as string });
        } catch (error) {
          outcomes[index] = { ok: false, error };
        }
      }
    });
    // What the checkouts not accepted wrote goes back: their keys may be retried, and their order
    // ids belong to someone else's order or to nobody.
    const acceptedAt = new Set(accepted.map((a) => a.index));
    const notAccepted = items.map((_, index) => index).filter((index) => !acceptedAt.has(index));
    const release = notAccepted.filter((n) => orderWritten.has(ids[n] as string));
    if (release.length > 0) {
      await deferredQuery(manager, RELEASE_ORDER_IDS, [
        release.map((n) => items[n]?.input.orderId),
        release.map((n) => orderUuids[n]),
      ]);
    }
    const unclaim = notAccepted.filter((n) => claimed.has(ids[n] as string));
    if (unclaim.length > 0) {
      await releaseIdempotencyKeys(
        manager,
        unclaim.map((n) => requests[n] as IdempotentRequest),
      );
    }
    await this.answerTakenKeys(manager, requests, taken, outcomes);
    if (accepted.length === 0) {
      return outcomes;
    }
    const results = await this.writeAccepted(manager, accepted, balances, now, reactToPurchases);
    accepted.forEach((a, n) => {
      const result = results[n];
      if (result) {
        outcomes[a.index] = { ok: true, value: result };
      }
    });
    await storeIdempotentResponses(
      manager,
      accepted.map((a, n) => ({
        request: requests[a.index] as IdempotentRequest,
        response: results[n],
      })),
    );
    return outcomes;
  }

  /** A key used before answers the first request's answer, or 409 for another request. */
  private async answerTakenKeys(
    manager: EntityManager,
    requests: IdempotentRequest[],
    taken: number[],
    outcomes: ItemOutcome<CheckoutResult>[],
  ): Promise<void> {
    if (taken.length === 0) {
      return;
    }
    const first = await firstAnswers<CheckoutResult>(
      manager,
      taken.map((n) => requests[n] as IdempotentRequest),
    );
    for (const n of taken) {
      const answer = first.get(requests[n]?.memberId ?? '');
      outcomes[n] = answer?.replayed
        ? { ok: true, value: answer.response }
        : { ok: false, error: idempotencyKeyReused() };
    }
  }

  /** The orders, points, events and reactions of the accepted checkouts; their answers. */
  private async writeAccepted(
    manager: EntityManager,
    accepted: Accepted[],
    balances: Map<string, { available: number; pending: number }>,
    now: Date,
    reactToPurchases: PurchasesReaction,
  ): Promise<CheckoutResult[]> {
    const earning = accepted.filter((a) => a.quote.earn.totalPoints > 0);
    const earnIds = new Map(earning.map((a) => [a.item.memberId, randomUUID()]));
    await deferredQuery(manager, INSERT_ORDERS, ordersColumns(accepted, earnIds));
    const credits = earning.map((a) =>
      earnCredit(a, earnIds.get(a.item.memberId) ?? '', balances.get(a.item.memberId)),
    );
    const credited = await creditLockedAccounts(manager, 'earn', credits, now);
    const balanceAfter = new Map<string, { available: number; pending: number }>();
    const events = earning.map((a, n) => {
      const written = credited[n] ?? { balance: { available: 0, pending: 0 }, pendingPoints: 0 };
      balanceAfter.set(a.item.memberId, written.balance);
      return earnedEvent(a, earnIds.get(a.item.memberId) ?? '', written);
    });
    if (events.length > 0) {
      await this.events.emitMany(manager, events);
    }
    const reactions = await reactToPurchases(
      accepted.map(({ item, quote, orderUuid }) => ({
        memberId: item.memberId,
        orderUuid,
        orderId: item.input.orderId,
        total: quote.pricing.total,
        occurredAt: quote.occurredAt,
      })),
    );
    const tiers = await this.tiers.afterPurchases(
      manager,
      new Map(
        accepted.map(({ item, orderUuid }) => [
          item.memberId,
          { orderId: item.input.orderId, checkoutId: orderUuid },
        ]),
      ),
    );
    const answers: CheckoutResult[] = [];
    for (const { item, quote, orderUuid } of accepted) {
      const reaction = reactions.get(item.memberId);
      const balance = reaction?.movedPoints
        ? await this.ledger.balance(item.memberId, manager)
        : (balanceAfter.get(item.memberId) ??
          balances.get(item.memberId) ?? { available: 0, pending: 0 });
      const tier = tiers.get(item.memberId) ?? null;
      answers.push(
        checkoutResult(quote, item.input, {
          checkoutId: orderUuid,
          balance: { available: balance.available, pending: balance.pending },
          pending: quote.availableAt > now && quote.earn.totalPoints > 0,
          tier: tier ? { code: tier.code, name: tier.name } : null,
          messages: reaction?.messages ?? [],
        }),
      );
    }
    return answers;
  }
}
