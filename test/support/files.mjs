// Lists files under a folder by suffix: test files, docs (Node 20 has no fs.globSync).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files below `dir` whose name ends with `suffix`, sorted. */
export function testFiles(dir, suffix = '.test.ts') {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
