// Removes compiled files in dist/ whose TypeScript source is gone (renamed or deleted), so an
// incremental build never leaves a stale module that a test or a child process can still load.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');
const COMPILED = /\.(js|js\.map|d\.ts)$/;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

let removed = 0;
for (const top of ['apps', 'libs', 'migrations']) {
  const dir = join(dist, top);
  if (!existsSync(dir)) {
    continue;
  }
  for (const file of walk(dir).filter((f) => COMPILED.test(f))) {
    const source = join(root, relative(dist, file).replace(COMPILED, '.ts'));
    if (!existsSync(source)) {
      rmSync(file);
      removed += 1;
    }
  }
}
if (removed > 0) {
  console.log(`dist: removed ${removed} compiled files whose source is gone`);
}
