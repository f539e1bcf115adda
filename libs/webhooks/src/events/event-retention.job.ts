import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteEventsCreatedBefore } from '@vafa/platform';

/** Deletes events older than the retention (their deliveries go with them), a batch at a time. */
@Injectable()
export class EventRetentionJob {
  constructor(private readonly dataSource: DataSource) {}

  async run(olderThan: Date, batchSize = 5000): Promise<{ deleted: number }> {
    let deleted = 0;
    for (;;) {
      const n = await deleteEventsCreatedBefore(this.dataSource.manager, olderThan, batchSize);
      deleted += n;
      if (n < batchSize) {
        return { deleted };
      }
    }
  }
}
