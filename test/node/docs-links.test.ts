// Relative links in README.md, docs/ and the packages' READMEs point at files that exist in the
// repository, and a `#section` on a Markdown page names a heading that page has. Web links are
// not fetched.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { docFiles, headingAnchors, links, readDoc, repoRoot } from '../support/markdown.js';

/** Why a link is broken, or undefined when it is fine. */
function brokenReason(doc: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined; // https:, mailto:, tel:
  const [rawPath = '', anchor] = target.split('#', 2) as [string, string | undefined];
  const path = decodeURIComponent(rawPath.split('?')[0]!);
  const file = path === '' ? join(repoRoot, doc) : path.startsWith('/') ? join(repoRoot, path) : join(repoRoot, dirname(doc), path);
  if (!file.startsWith(repoRoot)) return `${target} leaves the repository`;
  if (!existsSync(file)) return `${target}: no file ${relative(repoRoot, file)}`;
  if (anchor && file.endsWith('.md') && statSync(file).isFile()) {
    const page = relative(repoRoot, file);
    if (!headingAnchors(readDoc(page)).has(anchor.toLowerCase())) return `${target}: ${page} has no heading #${anchor}`;
  }
  return undefined;
}

describe('links in README.md and docs/', () => {
  const docs = docFiles();

  it('reads the links of the docs (a page with links is found)', () => {
    const total = docs.reduce((n, d) => n + links(readDoc(d)).length, 0);
    if (total === 0) throw new Error('no link found in README.md or docs/: the link reader is broken');
  });

  for (const doc of docs) {
    it(`${doc}: every relative link points at a file (and heading) that exists`, () => {
      const broken = links(readDoc(doc))
        .map((l) => ({ ...l, reason: brokenReason(doc, l.target) }))
        .filter((l) => l.reason);
      if (broken.length) throw new Error(`broken links in ${doc}:\n${broken.map((l) => `  ${doc}:${l.line} ${l.reason}`).join('\n')}`);
    });
  }
});
