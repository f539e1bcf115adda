import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Deletes events older than the retention (their deliveries go with them), a batch at a time. */
@Injectable()
export class EventRetentionJob {
  constructor(private readonly dataSource: DataSource) {}

  async run(olderThan: Date, batchSize = 5000): Promise<{ deleted: number }> {
    let deleted = 0;
    for (;;) {
      const rows = await this.dataSource.query<{ n: string }[]>(
        `WITH old AS (
           SELECT id FROM events WHERE created_at < $1 ORDER BY created_at LIMIT $2
         ), gone AS (
           DELETE FROM events e USING old WHERE e.id = old.id RETURNING 1
         )
         SELECT count(*) AS n FROM gone`,
        [olderThan, batchSize],
      );
      const n = Number(rows[0]?.n ?? 0);
      deleted += n;
      if (n < batchSize) {
        return { deleted };
      }
    }
  }
}
