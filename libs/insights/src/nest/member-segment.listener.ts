import { Injectable, OnModuleInit } from '@nestjs/common';
import { MembersRepository } from '@vafa/members';
import { validationFailed } from '@vafa/platform';
import { RFM_SEGMENTS } from '../rfm-segments';

const isSegment = (name: string): boolean => (RFM_SEGMENTS as readonly string[]).includes(name);

/** Tells the member search which members an RFM segment holds: those whose latest scores say so. */
@Injectable()
export class MemberSegmentListener implements OnModuleInit {
  constructor(private readonly members: MembersRepository) {}

  onModuleInit(): void {
    this.members.answerSegments((segment) => {
      if (!isSegment(segment)) {
        throw validationFailed(`segment must be one of ${RFM_SEGMENTS.join(', ')}.`, [
          { field: 'segment', problems: [`${segment} is not an RFM segment`] },
        ]);
      }
      return {
        where: 'm.id IN (SELECT member_id FROM member_insights WHERE rfm_segment = :segment)',
        parameters: { segment },
      };
    });
  }
}
