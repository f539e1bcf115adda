import { IsInt, IsString, Min, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Probe {
  @IsInt()
  n!: number;
}

class NamedProbe extends Probe {
  @IsString()
  name!: string;
}

const errorsOf = async (value: object): Promise<string[]> =>
  (await validate(value)).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('cacheValidationMetadata', () => {
  beforeAll(() => {
    cacheValidationMetadata();
    cacheValidationMetadata(); // installing twice changes nothing
  });

  it("validates as before, a subclass's inherited rules included, again and again", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await errorsOf(Object.assign(new Probe(), { n: 1 }))).toEqual([]);
      expect(await errorsOf(Object.assign(new Probe(), { n: 'one' }))).toEqual(['isInt']);
      expect(await errorsOf(Object.assign(new NamedProbe(), { n: 1.5, name: 2 }))).toEqual(
        expect.arrayContaining(['isInt', 'isString']),
      );
    }
  });

  it('forgets what it kept when a rule is added', async () => {
    expect(await errorsOf(Object.assign(new Probe(), { n: 1 }))).toEqual([]);
    Min(5)(Probe.prototype, 'n');
    expect(await errorsOf(Object.assign(new Probe(), { n: 1 }))).toEqual(['min']);
    expect(await errorsOf(Object.assign(new NamedProbe(), { n: 1, name: 'x' }))).toEqual(['min']);
  });
});
