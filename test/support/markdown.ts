// Reads the user docs (README.md, the Markdown files under docs/, the packages' READMEs) the way the doc checks
// need them: fenced code blocks with their language and line, and the links outside code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { testFiles } from './files.mjs';

export const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * The user docs, found anew on each run, as repo-relative paths: README.md, every .md file under
 * docs/, and each package's README.md (what npm shows).
 */
export function docFiles(root = repoRoot): string[] {
  const out = ['README.md'];
  for (const pkg of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (pkg.isDirectory() && existsSync(join(root, 'packages', pkg.name, 'README.md'))) out.push(`packages/${pkg.name}/README.md`);
  }
  for (const file of testFiles(join(root, 'docs'), '.md')) out.push(relative(root, file));
  return out.sort((a, b) => (a === 'README.md' ? -1 : b === 'README.md' ? 1 : a.localeCompare(b)));
}

export interface CodeBlock {
  /** The info string's first word, lower-cased (`ts`, `sh`, ``). */
  lang: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The block's text, without the fences. */
  code: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;

/** The fenced code blocks of a Markdown text (CommonMark fences: ``` or ~~~, three or more). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).exec(lines[j]!);
      if (close) break;
      body.push(lines[j]!);
    }
    blocks.push({ lang: open[2]!.toLowerCase(), line: i + 1, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** The text with fenced blocks and inline code blanked out (line numbers kept). */
export function proseOnly(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  const out = lines.map((line) => {
    const m = FENCE.exec(line);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
      return '';
    }
    if (m) {
      fence = m[1];
      return '';
    }
    return line;
  });
  return out.join('\n').replace(/(`+)[^`]*?\1/g, (s) => s.replace(/[^\n]/g, ' '));
}

export interface Link {
  target: string;
  line: number;
}

/** Inline links and images `[text](target)`, reference definitions `[x]: target`, and `href`/`src` attributes. */
export function links(markdown: string): Link[] {
  const text = proseOnly(markdown);
  const found: Link[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const patterns = [
    /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm,
    /\s(?:href|src)="([^"]+)"/g,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) found.push({ target: m[1]!, line: lineOf(m.index) });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** GitHub's anchor for each heading of a Markdown text (duplicates get -1, -2, …). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseOnlyKeepingHeadings(markdown).split('\n')) {
    const m = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .split(/(`+[^`]*`+)/)
      .map((part, k) => (k % 2 ? part : part.replace(/<[^>]+>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')))
      .join('')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1]!);
  return anchors;
}

/** Like proseOnly, but inline code inside headings keeps its text (GitHub keeps it in the anchor). */
function proseOnlyKeepingHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  const prose = proseOnly(markdown).split('\n');
  return prose.map((line, i) => (/^ {0,3}#{1,6}\s/.test(lines[i]!) && line.trim() ? lines[i]! : line)).join('\n');
}

export function readDoc(path: string, root = repoRoot): string {
  return readFileSync(join(root, path), 'utf8');
}
