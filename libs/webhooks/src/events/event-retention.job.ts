import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteEventsCreatedBefore, inTransaction } from '@vafa/platform';

/** Deletes events older than the retention with their deliveries, a batch at a time. */
@Injectable()
export class EventRetentionJob {
  constructor(private readonly dataSource: DataSource) {}

  async run(olderThan: Date, batchSize = 5000): Promise<{ deleted: number }> {
    let deleted = 0;
    for (;;) {
      const n = await inTransaction(this.dataSource, async (manager) => {
        const ids = await deleteEventsCreatedBefore(manager, olderThan, batchSize);
        if (ids.length > 0) {
          await manager.query('DELETE FROM webhook_deliveries WHERE event_id = ANY($1::uuid[])', [
            ids,
          ]);
        }
        return ids.length;
      });
      deleted += n;
      if (n < batchSize) {
        return { deleted };
      }
    }
  }
}
