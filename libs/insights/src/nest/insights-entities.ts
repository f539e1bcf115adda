import { InsightModelEntity } from './insight-model.entity';
import { MemberInsightEntity } from './member-insight.entity';

export const INSIGHT_ENTITIES = [InsightModelEntity, MemberInsightEntity];
export { InsightModelEntity, MemberInsightEntity };
