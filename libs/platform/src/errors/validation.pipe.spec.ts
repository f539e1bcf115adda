import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe, mergePatch } from './validation.pipe';
import { ReadOnlyFields } from '../validation/read-only-fields';

@ReadOnlyFields('id', 'createdAt')
class RuleBody {
  @IsString()
  name!: string;

  @IsInt()
  @Min(0)
  priority!: number;

  @IsOptional()
  @IsString()
  note?: string;
}

const failure = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a validation failure');
};

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const asBody = { type: 'body' as const, metatype: RuleBody };

  it('takes back what GET returned: read-only fields are dropped, not refused', async () => {
    const sentBack = {
      id: 'r-1',
      createdAt: '2026-01-01T00:00:00.000Z',
      name: 'Base',
      priority: 1,
    };
    const body = (await pipe.transform(sentBack, asBody)) as RuleBody;
    expect(body).toEqual(Object.assign(new RuleBody(), { name: 'Base', priority: 1 }));
  });

  it('still refuses fields that are neither writable nor read-only', async () => {
    const error = await failure(pipe.transform({ name: 'Base', priority: 1, vip: true }, asBody));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('vip');
  });
});

describe('mergePatch', () => {
  const current = { id: 'r-1', createdAt: new Date(0), name: 'Base', priority: 1, note: 'x' };

  it('replaces the named fields and keeps the rest', async () => {
    const merged = await mergePatch(RuleBody, current, { priority: 5 });
    expect(merged).toEqual(Object.assign(new RuleBody(), { name: 'Base', priority: 5, note: 'x' }));
  });

  it('validates the merged result as a whole body', async () => {
    const error = await failure(mergePatch(RuleBody, current, { priority: -1 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ field: 'priority', problems: [expect.any(String)] }]);
  });
});
