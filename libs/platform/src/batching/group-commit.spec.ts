import { GroupCommit, type ItemOutcome } from './group-commit';

/** A writer whose batches finish when the test says so. */
function heldWriter() {
  const written: string[][] = [];
  const release: (() => void)[] = [];
  const write = (items: string[]): Promise<ItemOutcome<string>[]> => {
    written.push(items);
    return new Promise((resolve) =>
      release.push(() =>
        resolve(
          items.map((item) =>
            item.startsWith('bad')
              ? { ok: false, error: new Error(`refused ${item}`) }
              : { ok: true, value: item.toUpperCase() },
          ),
        ),
      ),
    );
  };
  const finishNext = async (): Promise<void> => {
    release.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { written, write, finishNext };
}

const memberOf = (item: string): string => item.split(':')[0] ?? item;

describe('GroupCommit', () => {
  it('sends an item at once while a lane is free, and batches what queues behind busy lanes', async () => {
    const writer = heldWriter();
    const queue = new GroupCommit({ lanes: 2, maxBatch: 3 }, memberOf, writer.write);
    const answers = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => queue.submit(item));
    expect(writer.written).toEqual([['a'], ['b']]);
    await writer.finishNext();
    expect(writer.written[2]).toEqual(['c', 'd', 'e']);
    await writer.finishNext();
    expect(writer.written[3]).toEqual(['f']);
    await writer.finishNext();
    await writer.finishNext();
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect({ batches: queue.batches, items: queue.items }).toEqual({ batches: 4, items: 6 });
  });

  it('keeps two items of one key out of the same batch and in their order', async () => {
    const writer = heldWriter();
    const queue = new GroupCommit({ lanes: 1, maxBatch: 10 }, memberOf, writer.write);
    const answers = ['m1:first', 'm2:x', 'm1:second', 'm3:y', 'm1:third'].map((item) =>
      queue.submit(item),
    );
    expect(writer.written).toEqual([['m1:first']]);
    await writer.finishNext();
    expect(writer.written[1]).toEqual(['m2:x', 'm1:second', 'm3:y']);
    await writer.finishNext();
    expect(writer.written[2]).toEqual(['m1:third']);
    await writer.finishNext();
    await Promise.all(answers);
  });

  it("answers each item's own refusal, and fails every item of a batch whose write throws", async () => {
    const writer = heldWriter();
    const queue = new GroupCommit({ lanes: 1, maxBatch: 10 }, memberOf, writer.write);
    const first = queue.submit('first');
    const good = queue.submit('good');
    const bad = queue.submit('bad');
    // Refused before the expectation below is attached: not an unhandled rejection.
    bad.catch(() => undefined);
    await writer.finishNext();
    await writer.finishNext();
    await expect(first).resolves.toBe('FIRST');
    await expect(good).resolves.toBe('GOOD');
    await expect(bad).rejects.toThrow('refused bad');

    const broken = new GroupCommit({ lanes: 1, maxBatch: 10 }, memberOf, () =>
      Promise.reject(new Error('connection lost')),
    );
    await expect(broken.submit('x')).rejects.toThrow('connection lost');
    // The lane is free again afterwards.
    await expect(broken.submit('y')).rejects.toThrow('connection lost');
  });
});
