import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, type Page, pageLimit, toPage } from '@vafa/platform';
import { campaignRunNotFound } from './campaigns.errors';
import { CampaignsRepository } from './campaigns.repository';
import type { RunGroup, RunMemberDto, RunMembersQuery } from './run-members.dto';

interface RunMemberRow {
  member_id: string;
  name: string | null;
  card_number: string;
  external_id: string | null;
  assigned_group: RunGroup;
  reason: string | null;
  points: number;
  created_at: Date;
}

const toRunMember = (row: RunMemberRow): RunMemberDto => ({
  memberId: row.member_id,
  name: row.name,
  cardNumber: row.card_number,
  externalId: row.external_id,
  group: row.assigned_group,
  reason: row.reason,
  points: row.points,
  assignedAt: row.created_at.toISOString(),
});

/** Rows of one export batch: large enough to keep round trips few, small enough to hold. */
const EXPORT_BATCH = 1000;

/** The members one run assigned (treated, holdout, skipped with the reason), by member id. */
@Injectable()
export class RunMembersExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
  ) {}

  /** 404 CAMPAIGN_NOT_FOUND, or RUN_NOT_FOUND for a run that is not this campaign's. */
  async assertRun(campaignId: string, runId: string): Promise<void> {
    await this.campaigns.get(campaignId);
    const [run] = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM campaign_runs WHERE id = $1 AND campaign_id = $2',
      [runId, campaignId],
    );
    if (!run) {
      throw campaignRunNotFound();
    }
  }

  async page(
    campaignId: string,
    runId: string,
    query: RunMembersQuery,
  ): Promise<Page<RunMemberDto>> {
    await this.assertRun(campaignId, runId);
    const limit = pageLimit(query);
    const [after] = decodeCursor(query.cursor, ['uuid']) ?? [null];
    const rows = await this.batch(campaignId, runId, query.group, after, limit + 1);
    return toPage(rows, limit, toRunMember, (row) => [row.member_id]);
  }

  /**
   * Every member of the run, batch by batch along the primary key, so an export of a large
   * audience never holds it whole. Check the run with `assertRun` first.
   */
  async *all(
    campaignId: string,
    runId: string,
    group?: RunGroup,
    batchSize = EXPORT_BATCH,
  ): AsyncGenerator<RunMemberDto[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.batch(campaignId, runId, group, after, batchSize);
      if (rows.length > 0) {
        yield rows.map(toRunMember);
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) {
        return;
      }
      after = last.member_id;
    }
  }

  // Member order is the keyset: each batch is an index range scan from the last member, along
  // the primary key (campaign_id, run_id, member_id), or ix_campaign_assignments_run_group for one
  // group, so a page of a few skipped members does not read the whole run.
  private batch(
    campaignId: string,
    runId: string,
    group: RunGroup | undefined,
    after: string | null,
    limit: number,
  ): Promise<RunMemberRow[]> {
    const params: unknown[] = [campaignId, runId, limit];
    const where = ['a.campaign_id = $1', 'a.run_id = $2'];
    if (group !== undefined) {
      params.push(group);
      where.push(`a.assigned_group = $${params.length}`);
    }
    if (after !== null) {
      params.push(after);
      where.push(`a.member_id > $${params.length}::uuid`);
    }
    return this.dataSource.query<RunMemberRow[]>(
      `SELECT a.member_id, m.name, m.card_number, m.external_id, a.assigned_group, a.reason,
              a.points, a.created_at
       FROM campaign_assignments a JOIN member_profiles m ON m.id = a.member_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.member_id LIMIT $3`,
      params,
    );
  }
}
