import { Injectable } from '@nestjs/common';
import {
  MEMBER_SEGMENT_SEAM,
  type MemberSegmentListener,
  type SegmentCondition,
} from '@vafa/members';
import { ListenerFor, validationFailed } from '@vafa/platform';
import { RFM_SEGMENTS } from '../rfm-segments';

const isSegment = (name: string): boolean => (RFM_SEGMENTS as readonly string[]).includes(name);

/** Tells the member search which members an RFM segment holds: those whose latest scores say so. */
@Injectable()
@ListenerFor(MEMBER_SEGMENT_SEAM)
export class InsightsMemberSegmentListener implements MemberSegmentListener {
  condition(segment: string): SegmentCondition {
    if (!isSegment(segment)) {
      throw validationFailed(`segment must be one of ${RFM_SEGMENTS.join(', ')}.`, [
        { field: 'segment', problems: [`${segment} is not an RFM segment`] },
      ]);
    }
    return {
      where: 'm.id IN (SELECT member_id FROM member_insights WHERE rfm_segment = :segment)',
      parameters: { segment },
    };
  }
}
