import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { memberNotFound } from '@vafa/members';
import type { MemberInsightsDto } from './insights.dto';
import { memberInsightsNotFound, noModelFitted } from './insights.errors';

interface InsightRow {
  member_id: string;
  model_id: string | null;
  as_of: Date | null;
  scored_at: Date | null;
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  rfm_segment: string | null;
  expected_purchases: number | null;
  p_alive: number | null;
  expected_spend: number | null;
  clv: number | null;
  horizon_days: number | null;
}

/** A member's scores from the latest fit; money rounded to whole minor units. */
@Injectable()
export class MemberInsightsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async get(memberId: string): Promise<MemberInsightsDto> {
    const [row] = await this.dataSource.query<InsightRow[]>(
      `SELECT m.id AS member_id, i.model_id, im.as_of, i.scored_at, i.recency_days, i.frequency,
              i.monetary, i.recency_score, i.frequency_score, i.monetary_score, i.rfm_segment,
              i.expected_purchases, i.p_alive, i.expected_spend, i.clv, i.horizon_days
       FROM member_profiles m
       LEFT JOIN member_insights i ON i.member_id = m.id
       LEFT JOIN insight_models im ON im.id = i.model_id
       WHERE m.id = $1`,
      [memberId],
    );
    if (!row) {
      throw memberNotFound();
    }
    if (row.model_id === null || row.scored_at === null || row.as_of === null) {
      const [any] = await this.dataSource.query<{ fitted: boolean }[]>(
        'SELECT EXISTS (SELECT 1 FROM insight_models) AS fitted',
      );
      throw any?.fitted ? memberInsightsNotFound() : noModelFitted();
    }
    const scores = [row.recency_score, row.frequency_score, row.monetary_score].map(Number);
    return {
      memberId: row.member_id,
      modelId: row.model_id,
      asOf: row.as_of.toISOString(),
      scoredAt: row.scored_at.toISOString(),
      rfm: {
        recency: Number(row.recency_days),
        frequency: Number(row.frequency),
        monetary: Math.round(Number(row.monetary)),
        score: scores.join(''),
        segment: row.rfm_segment ?? '',
        recencyScore: scores[0] ?? 0,
        frequencyScore: scores[1] ?? 0,
        monetaryScore: scores[2] ?? 0,
      },
      clv: {
        expectedPurchases: Number(row.expected_purchases),
        pAlive: Number(row.p_alive),
        expectedSpend: Math.round(Number(row.expected_spend)),
        value: Math.round(Number(row.clv)),
        horizonDays: Number(row.horizon_days),
      },
    };
  }
}
