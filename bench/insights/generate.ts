import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
// Test-only simulators kept beside the math they check; they are not part of the library's API.
// eslint-disable-next-line no-restricted-imports
import { mulberry32, sampleGamma } from '../../libs/insights/src/testing/random';
// eslint-disable-next-line no-restricted-imports
import { simulateBgNbdCustomer } from '../../libs/insights/src/testing/simulate';

const DAY = 86_400_000;

/** The parameters the synthetic purchases are drawn from (time in weeks, money in cents). */
export const TRUTH = {
  bgnbd: { r: 0.6, alpha: 10, a: 0.7, b: 2.8 },
  /** Spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ): mean p·γ/(q-1) = 3,000 cents. */
  gammaGamma: { p: 6, q: 4, gamma: 1500 },
};

/** The last day of the synthetic history; the fit runs as of its end. */
export const SYNTHETIC_AS_OF_DAY = '2026-06-30';

export interface GeneratedFile {
  file: string;
  members: number;
  rows: number;
  repeatCustomers: number;
  bytes: number;
  seconds: number;
}

/**
 * A seeded purchase history in the import's CSV format (`member_external_id,occurred_at,amount`),
 * member by member as a shop's export would list it. Each member's first purchase lies 26 to 78
 * weeks before the end; repeat purchases follow the BG/NBD story (Poisson purchases while alive,
 * dropout after each with probability p) on distinct later days, each worth a Gamma-Gamma amount.
 * The same seed and size give the same file.
 */
export async function writeSyntheticHistory(options: {
  file: string;
  members: number;
  seed: number;
}): Promise<GeneratedFile> {
  const started = performance.now();
  const end = Date.parse(`${SYNTHETIC_AS_OF_DAY}T00:00:00Z`);
  const uniform = mulberry32(options.seed);
  const out = createWriteStream(options.file);
  const digits = String(options.members).length;
  let rows = 0;
  let bytes = 0;
  let repeatCustomers = 0;
  let chunk: string[] = ['member_external_id,occurred_at,amount'];
  const flush = async (): Promise<void> => {
    const text = chunk.join('\n') + '\n';
    chunk = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) {
      await once(out, 'drain');
    }
  };
  for (let i = 0; i < options.members; i++) {
    const ageDays = 182 + Math.floor(uniform() * 364);
    const first = end - ageDays * DAY;
    const { x, tx } = simulateBgNbdCustomer(uniform, TRUTH.bgnbd, ageDays / 7);
    const lastDay = Math.round(tx * 7);
    // x repeat purchases on distinct days in (0, lastDay]: the last one on lastDay.
    const repeatDays = new Set<number>(x > 0 ? [Math.max(lastDay, 1)] : []);
    while (repeatDays.size < Math.min(x, Math.max(lastDay, 1))) {
      repeatDays.add(1 + Math.floor(uniform() * Math.max(lastDay, 1)));
    }
    if (repeatDays.size > 0) {
      repeatCustomers++;
    }
    const nu = sampleGamma(uniform, TRUTH.gammaGamma.q, TRUTH.gammaGamma.gamma);
    const id = `sim-${String(i + 1).padStart(digits, '0')}`;
    for (const day of [0, ...[...repeatDays].sort((u, v) => u - v)]) {
      const at = new Date(first + day * DAY + Math.floor(uniform() * 20) * 3_600_000);
      const amount = Math.max(1, Math.round(sampleGamma(uniform, TRUTH.gammaGamma.p, nu)));
      chunk.push(`${id},${at.toISOString()},${amount}`);
      rows++;
    }
    if (chunk.length >= 20_000) {
      await flush();
    }
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return {
    file: options.file,
    members: options.members,
    rows,
    repeatCustomers,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * CDNOW_master.txt (`customer_id date number_of_cds dollar_value`, space-aligned, date YYYYMMDD,
 * dollars) in the import's CSV format: customer_id → member_external_id, the date → occurred_at,
 * dollars × 100 → amount in cents.
 */
export async function writeCdnowHistory(
  master: string,
  file: string,
): Promise<Omit<GeneratedFile, 'repeatCustomers'>> {
  const started = performance.now();
  const lines = (await readFile(master, 'utf8')).split(/\r?\n/).slice(1);
  const out = ['member_external_id,occurred_at,amount'];
  const members = new Set<string>();
  for (const line of lines) {
    if (!line.trim()) {
      continue;
    }
    const [id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars) {
      throw new Error(`unexpected CDNOW line: ${line}`);
    }
    members.add(id);
    out.push(
      `${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${Math.round(Number(dollars) * 100)}`,
    );
  }
  const text = out.join('\n') + '\n';
  await writeFile(file, text);
  return {
    file,
    members: members.size,
    rows: out.length - 1,
    bytes: Buffer.byteLength(text),
    seconds: (performance.now() - started) / 1000,
  };
}
