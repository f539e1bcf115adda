import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a long-running server process, applied before the app is built.
 *
 * Allocation-site pretenuring is off. V8 watches where objects are allocated, and when most of
 * a site's objects outlive a young-generation collection it allocates that site's later objects
 * straight into the old generation. Under the API's load (many requests in flight while the
 * process warms up) about half of the bench runs went into that regime for good: the old
 * generation grew 10–35 MB/s, a full collection ran every few seconds, each young collection took
 * 2–6 ms instead of under 1, and `GET /health` answered 10–20 % fewer requests. With this off, no
 * run did (bench/RESULTS.md, issue 17, eighth round). Objects that really live long (caches,
 * pools, the modules) are promoted by the young collections instead, once.
 */
export function tuneHeapForServing(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
