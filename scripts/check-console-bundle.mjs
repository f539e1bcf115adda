// Fails when the console's initial JavaScript (index.html's module script and everything it
// imports statically) is over budget gzipped; pages loaded later (React.lazy) do not count.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const dist = join(import.meta.dirname, '../dist/console');
const indexHtml = join(dist, 'index.html');
if (!existsSync(indexHtml)) {
  console.error('dist/console/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

const toFile = (url) => join(dist, url.replace(/^\/console\//, ''));
const html = readFileSync(indexHtml, 'utf8');
const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) =>
  toFile(m[1]),
);
if (entries.length === 0) {
  console.error('No module script in dist/console/index.html.');
  process.exit(1);
}

// Static imports and re-exports of sibling chunks; `import("...")` (lazy pages) is not matched.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'()]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g;
const seen = new Set();
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) {
    continue;
  }
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(STATIC_IMPORT)) {
    queue.push(join(file, '..', match[1]));
  }
}

let total = 0;
for (const file of [...seen].sort()) {
  const gzipped = gzipSync(readFileSync(file)).length;
  total += gzipped;
  console.log(`  ${(gzipped / 1024).toFixed(1).padStart(7)} kB  ${file.slice(dist.length + 1)}`);
}
const totalKb = total / 1024;
console.log(
  `Console initial JavaScript: ${totalKb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`,
);
if (totalKb > BUDGET_KB) {
  console.error('Over budget: load more of it lazily (React.lazy per route).');
  process.exit(1);
}
