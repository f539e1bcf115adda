export * from './points.module';
export * from './rules';
export * from './earning-rules/earning-rule.entity';
export * from './orders/order.entity';
export * from './orders/order-line.entity';
export * from './points.entities';
export * from './checkout/coupon.hook';
export * from './earning-rules/earning-rules.service';
