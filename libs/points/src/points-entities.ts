import { EarningRuleUsageEntity } from './earning-rules/earning-rule-usage.entity';
import { EarningRuleEntity } from './earning-rules/earning-rule.entity';
import { OrderLineEntity } from './orders/order-line.entity';
import { OrderReturnEntity } from './orders/order-return.entity';
import { OrderEntity } from './orders/order.entity';
import { OrderIdEntity } from './orders/order-id.entity';

export const POINTS_ENTITIES = [
  EarningRuleEntity,
  EarningRuleUsageEntity,
  OrderEntity,
  OrderIdEntity,
  OrderLineEntity,
  OrderReturnEntity,
];
