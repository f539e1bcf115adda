import { constraintOf, sqlState } from './transaction';

/** How Citus relays a worker's errors, as seen on a Citus 13.2 cluster. */
describe('errors relayed by Citus', () => {
  const routed = {
    code: '23505',
    message: 'duplicate key value violates unique constraint "pk_order_ids_106026"',
  };
  const copied = {
    code: 'XX000',
    message: 'duplicate key value violates unique constraint "pk_order_ids_106045"',
  };

  it('names the constraint as the migrations did, from the message and without the shard id', () => {
    expect(constraintOf(routed)).toBe('pk_order_ids');
    expect(constraintOf({ driverError: copied })).toBe('pk_order_ids');
    expect(constraintOf({ constraint: 'uq_tiers_rank' })).toBe('uq_tiers_rank');
    expect(constraintOf({ constraint: 'PK_d1e56ed27abfbe94f4c3ab43816' })).toBe(
      'PK_d1e56ed27abfbe94f4c3ab43816',
    );
  });

  it('reads a unique violation met while copying rows into shards as one', () => {
    expect(sqlState(copied)).toBe('23505');
    expect(sqlState({ driverError: copied })).toBe('23505');
    expect(sqlState({ code: 'XX000', message: 'cache lookup failed' })).toBe('XX000');
    expect(sqlState(routed)).toBe('23505');
  });
});
