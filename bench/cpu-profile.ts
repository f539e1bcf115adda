import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { round } from './stats';

/** The parts of a V8 .cpuprofile (written by node --cpu-prof) that are read here. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CpuProfileSummary {
  /** Sampled time inside the window, idle excluded, ms. */
  busyMs: number;
  /** Self time by where the code lives, ms, largest first. */
  byOrigin: { origin: string; ms: number; percent: number }[];
  /** The functions with the most self time. */
  topFunctions: { fn: string; origin: string; ms: number; percent: number }[];
}

/** Where a function lives: an npm package, our code (by library), Node itself, or V8. */
export function originOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') {
      return 'V8: garbage collector';
    }
    if (functionName === '(program)') {
      return 'V8: (program) native, unattributed';
    }
    return functionName ? `V8: ${functionName}` : 'V8';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) {
    return 'node: core';
  }
  const lib = /\/dist\/libs\/([^/]+)\//.exec(url);
  if (lib) {
    return `vafa: libs/${lib[1]}`;
  }
  if (url.includes('/dist/apps/')) {
    return 'vafa: apps';
  }
  return url;
}

/**
 * Self time per origin and per function, from every .cpuprofile in `dir`, counting only samples
 * taken between `fromUs` and `toUs` (microseconds of the monotonic clock, as
 * process.hrtime.bigint() / 1000 reads it in any process on the machine).
 */
export async function summarizeCpuProfiles(
  dir: string,
  window?: { fromUs: number; toUs: number },
): Promise<CpuProfileSummary | null> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) {
    return null;
  }
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, { origin: string; us: number }>();
  let busyUs = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      if (window && (at < window.fromUs || at > window.toUs)) {
        continue;
      }
      // A sample's time is the gap to the next one: the interval it stands for.
      const us = profile.timeDeltas[i + 1] ?? delta;
      const frame = nodes.get(profile.samples[i] ?? -1);
      if (!frame || frame.functionName === '(idle)') {
        continue;
      }
      const origin = originOf(frame.url, frame.functionName);
      busyUs += us;
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + us);
      const place = frame.url
        ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '')}:${frame.lineNumber + 1}`
        : '';
      const key = `${frame.functionName || '(anonymous)'} ${place}`.trim();
      const entry = byFunction.get(key) ?? { origin, us: 0 };
      entry.us += us;
      byFunction.set(key, entry);
    }
  }
  const percent = (us: number): number => round(busyUs > 0 ? (100 * us) / busyUs : 0, 1);
  return {
    busyMs: round(busyUs / 1000, 1),
    byOrigin: [...byOrigin]
      .sort((a, b) => b[1] - a[1])
      .map(([origin, us]) => ({ origin, ms: round(us / 1000, 1), percent: percent(us) })),
    topFunctions: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 25)
      .map(([fn, { origin, us }]) => ({
        fn,
        origin,
        ms: round(us / 1000, 1),
        percent: percent(us),
      })),
  };
}
