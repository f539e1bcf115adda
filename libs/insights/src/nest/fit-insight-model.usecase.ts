import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, inTransaction } from '@vafa/platform';
import type { BgNbdData } from '../bgnbd-data';
import { fitBgNbd } from '../bgnbd-model';
import type { GammaGammaData } from '../gamma-gamma-data';
import { bgnbdDegeneracy, gammaGammaDegeneracy } from '../fit-degeneracy';
import { fitGammaGamma } from '../gamma-gamma-model';
import type { InsightModelEntity } from './insight-model.entity';
import {
  hasMinimumHistory,
  type HistorySize,
  modelDegenerate,
  modelFitFailed,
  notEnoughPurchaseHistory,
} from './insights.errors';
import { type MemberScore, scoreMembers } from './member-scoring';
import { type MemberPurchaseSummary, PurchaseSummariesQuery } from './purchase-summaries.query';

/** CLV horizon and discounting used for every member score. */
export const CLV_HORIZON_DAYS = 365;
export const CLV_ANNUAL_DISCOUNT_RATE = 0.1;
const SCORE_BATCH = 5_000;

type FittedModel = Omit<InsightModelEntity, 'id'>;

const allPositive = (values: number[]): boolean => values.every((v) => Number.isFinite(v) && v > 0);

/** Entries of identical keys merged, in the order of their first occurrence, with a count each. */
class WeightedGroups<Row> {
  readonly rows: Row[] = [];
  readonly weights: number[] = [];
  private readonly index = new Map<number, Map<number, Map<number, number>>>();

  add(a: number, b: number, c: number, row: () => Row): void {
    let byB = this.index.get(a);
    if (!byB) {
      this.index.set(a, (byB = new Map<number, Map<number, number>>()));
    }
    let byC = byB.get(b);
    if (!byC) {
      byB.set(b, (byC = new Map<number, number>()));
    }
    const at = byC.get(c);
    if (at !== undefined) {
      this.weights[at] = (this.weights[at] ?? 0) + 1;
    } else {
      byC.set(c, this.rows.length);
      this.rows.push(row());
      this.weights.push(1);
    }
  }
}

/**
 * The models' data with identical histories merged, as groupBgNbdData and groupGammaGammaData
 * merge them (the same rows in the same order, so the fits are unchanged), but keyed by numbers:
 * a string key per member is most of the grouping's cost with a million members.
 */
function modelData(summaries: readonly MemberPurchaseSummary[]): {
  bgnbd: BgNbdData;
  gammaGamma: GammaGammaData;
} {
  const histories = new WeightedGroups<{ x: number; tx: number; T: number }>();
  const spends = new WeightedGroups<{ x: number; mx: number }>();
  for (const { frequency: x, recency, T, monetary: mx } of summaries) {
    // Recency carries no information without repeat purchases (see groupBgNbdData).
    const tx = x === 0 ? 0 : recency;
    histories.add(x, tx, T, () => ({ x, tx, T }));
    spends.add(x, mx, 0, () => ({ x, mx }));
  }
  return {
    bgnbd: {
      x: histories.rows.map((r) => r.x),
      tx: histories.rows.map((r) => r.tx),
      T: histories.rows.map((r) => r.T),
      weights: histories.weights,
    },
    gammaGamma: {
      x: spends.rows.map((r) => r.x),
      mx: spends.rows.map((r) => r.mx),
      weights: spends.weights,
    },
  };
}

/** How much history there is to fit on: Gamma-Gamma learns only from repeat purchases. */
export function historySizeOf(summaries: readonly MemberPurchaseSummary[]): HistorySize {
  return {
    customers: summaries.length,
    repeatCustomers: summaries.filter((s) => s.frequency > 0 && s.monetary > 0).length,
    historyWeeks: summaries.reduce((weeks, s) => Math.max(weeks, s.T), 0),
  };
}

/**
 * Fits BG/NBD and Gamma-Gamma on every member's purchases up to `asOf`, stores the model and
 * rescores every member into member_insights in one transaction (readers see the old scores until
 * it commits). Members with no purchase up to `asOf` lose any earlier scores.
 */
@Injectable()
export class FitInsightModelUseCase {
  private readonly logger = new Logger(FitInsightModelUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly summaries: PurchaseSummariesQuery,
    private readonly clock: Clock,
  ) {}

  async execute(asOf: Date): Promise<InsightModelEntity> {
    const started = Date.now();
    const summaries = await this.summaries.asOf(asOf);
    const size = historySizeOf(summaries);
    if (!hasMinimumHistory(size)) {
      throw notEnoughPurchaseHistory(size);
    }

    let fitted: { model: FittedModel; scores: MemberScore[] };
    try {
      fitted = this.fit(asOf, summaries, size);
    } catch (error) {
      // The math refuses data or parameters it cannot work with by throwing RangeError.
      if (error instanceof RangeError) {
        throw modelFitFailed(error.message, size);
      }
      throw error;
    }
    const { model, scores } = fitted;
    const id = await inTransaction(this.dataSource, (manager) =>
      this.store(manager, model, scores),
    );
    this.logger.log(
      {
        modelId: id,
        customers: model.customers,
        repeatCustomers: size.repeatCustomers,
        ms: Date.now() - started,
      },
      'insight models fitted and members scored',
    );
    return { id, ...model };
  }

  private fit(
    asOf: Date,
    summaries: MemberPurchaseSummary[],
    size: HistorySize,
  ): { model: FittedModel; scores: MemberScore[] } {
    const data = modelData(summaries);
    const bgnbd = fitBgNbd(data.bgnbd);
    const gammaGamma = fitGammaGamma(data.gammaGamma);
    const { r, alpha, a, b } = bgnbd.params;
    const { p, q, gamma } = gammaGamma.params;
    // A degenerate fit often also fails to converge (the optimiser chases a parameter to
    // infinity until its budget runs out): the degeneracy is the reason worth telling.
    const bgnbdFlaw = bgnbdDegeneracy(bgnbd, data.bgnbd);
    if (bgnbdFlaw) {
      throw modelDegenerate('bgnbd', bgnbdFlaw, size);
    }
    const gammaGammaFlaw = gammaGammaDegeneracy(gammaGamma, data.gammaGamma);
    if (gammaGammaFlaw) {
      throw modelDegenerate('gammaGamma', gammaGammaFlaw, size);
    }
    if (!bgnbd.converged || !allPositive([r, alpha, a, b])) {
      throw modelFitFailed('the BG/NBD fit did not converge.', size, { bgnbd: bgnbd.params });
    }
    if (!gammaGamma.converged || !allPositive([p, q, gamma])) {
      throw modelFitFailed('the Gamma-Gamma fit did not converge.', size, {
        gammaGamma: { p, q, gamma },
      });
    }
    if (q <= 1) {
      throw modelFitFailed(
        'the Gamma-Gamma fit has q <= 1, an infinite mean spend: the spend history is too uneven.',
        size,
        { gammaGamma: { p, q, gamma } },
      );
    }

    const model: FittedModel = {
      fittedAt: this.clock.now(),
      asOf,
      bgnbd: { r, alpha, a, b, logLikelihood: bgnbd.logLikelihood },
      gammaGamma: { p, q, gamma, logLikelihood: gammaGamma.logLikelihood },
      customers: summaries.length,
    };
    const scores = scoreMembers(summaries, {
      bgnbd: bgnbd.params,
      gammaGamma: gammaGamma.params,
      horizonDays: CLV_HORIZON_DAYS,
      annualDiscountRate: CLV_ANNUAL_DISCOUNT_RATE,
    });
    return { model, scores };
  }

  private async store(
    manager: EntityManager,
    model: FittedModel,
    scores: MemberScore[],
  ): Promise<string> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO insight_models (fitted_at, as_of, bgnbd, gamma_gamma, customers)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        model.fittedAt,
        model.asOf,
        JSON.stringify(model.bgnbd),
        JSON.stringify(model.gammaGamma),
        model.customers,
      ],
    );
    if (!inserted) {
      throw new Error('insight model insert returned no id');
    }
    for (let start = 0; start < scores.length; start += SCORE_BATCH) {
      const batch = scores.slice(start, start + SCORE_BATCH);
      await manager.query(
        `INSERT INTO member_insights (member_id, model_id, scored_at, recency_days, frequency, monetary,
           recency_score, frequency_score, monetary_score, rfm_segment, expected_purchases, p_alive,
           expected_spend, clv, horizon_days)
         SELECT s.member_id, $1, $2, s.recency_days, s.frequency, s.monetary, s.recency_score,
                s.frequency_score, s.monetary_score, s.rfm_segment, s.expected_purchases, s.p_alive,
                s.expected_spend, s.clv, $3
         FROM unnest($4::uuid[], $5::int[], $6::int[], $7::float8[], $8::smallint[], $9::smallint[],
                     $10::smallint[], $11::text[], $12::float8[], $13::float8[], $14::float8[], $15::float8[])
           AS s(member_id, recency_days, frequency, monetary, recency_score, frequency_score,
                monetary_score, rfm_segment, expected_purchases, p_alive, expected_spend, clv)
         ON CONFLICT (member_id) DO UPDATE SET
           model_id = EXCLUDED.model_id, scored_at = EXCLUDED.scored_at,
           recency_days = EXCLUDED.recency_days, frequency = EXCLUDED.frequency,
           monetary = EXCLUDED.monetary, recency_score = EXCLUDED.recency_score,
           frequency_score = EXCLUDED.frequency_score, monetary_score = EXCLUDED.monetary_score,
           rfm_segment = EXCLUDED.rfm_segment, expected_purchases = EXCLUDED.expected_purchases,
           p_alive = EXCLUDED.p_alive, expected_spend = EXCLUDED.expected_spend,
           clv = EXCLUDED.clv, horizon_days = EXCLUDED.horizon_days`,
        [
          inserted.id,
          model.fittedAt,
          CLV_HORIZON_DAYS,
          batch.map((s) => s.memberId),
          batch.map((s) => s.recencyDays),
          batch.map((s) => s.frequency),
          batch.map((s) => s.monetary),
          batch.map((s) => s.recencyScore),
          batch.map((s) => s.frequencyScore),
          batch.map((s) => s.monetaryScore),
          batch.map((s) => s.segment),
          batch.map((s) => s.expectedPurchases),
          batch.map((s) => s.pAlive),
          batch.map((s) => s.expectedSpend),
          batch.map((s) => s.clv),
        ],
      );
    }
    await manager.query('DELETE FROM member_insights WHERE model_id IS DISTINCT FROM $1', [
      inserted.id,
    ]);
    return inserted.id;
  }
}
