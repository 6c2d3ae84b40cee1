// Every TypeScript sample in README.md, docs/ and the packages' READMEs (```ts and ```typescript
// blocks) must compile against the packages as users get them: each block is written to its own
// module file next to the repository's node_modules, so `@candor/core/...` resolves to the built
// .d.ts files, and all of them are type-checked in one TypeScript Program. One test per block,
// named by file and line.
// A block that needs something from around it declares it (`declare const token: string;`);
// shell, JSON and HTML fragments take their own fence (```sh, ```json, ```html).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { codeBlocks, docFiles, readDoc, repoRoot } from '../support/markdown.js';

const TS_LANGS = new Set(['ts', 'typescript']);

interface Sample {
  doc: string;
  line: number;
  code: string;
  fileName?: string;
}

const samples: Sample[] = docFiles().flatMap((doc) =>
  codeBlocks(readDoc(doc))
    .filter((b) => TS_LANGS.has(b.lang))
    .map((b) => ({ doc, line: b.line, code: b.code })),
);

/** A deliberately wrong sample, checked in the same Program: the check must be able to fail. */
const canary: Sample = {
  doc: '(canary)',
  line: 0,
  code: "import { createVerifier } from '@candor/core/tokens';\ncreateVerifier({ issuer: 'https://id.example', audiense: 'https://partner.example', keys: {} });\n",
};

/** The repository's compiler options, for a set of loose sample files. */
function sampleOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent({ ...config, include: [], files: [] }, ts.sys, repoRoot);
  return {
    ...options,
    types: ['node'],
    noEmit: true,
    // A reader's own project may not index arrays this strictly; the samples are not written for it.
    noUncheckedIndexedAccess: false,
    noUnusedLocals: false,
    noUnusedParameters: false,
  };
}

function describeDiagnostic(d: ts.Diagnostic, sample: Sample): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
  if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const where = d.file.fileName === sample.fileName ? `${sample.doc}:${sample.line + 1 + line}:${character + 1}` : `${d.file.fileName}:${line + 1}`;
  return `${where} TS${d.code}: ${message}`;
}

describe('TypeScript samples in README.md and docs/ compile against the packages', function () {
  this.timeout(120_000);
  let dir: string;
  const diagnostics = new Map<Sample, ts.Diagnostic[]>();
  let global: readonly ts.Diagnostic[] = [];

  before(() => {
    const cache = join(repoRoot, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(join(cache, 'candor-docs-samples-'));
    for (const [i, s] of [...samples, canary].entries()) {
      s.fileName = join(dir, `${String(i).padStart(3, '0')}-${s.doc.replace(/[^\w]+/g, '_')}-L${s.line}.ts`);
      // A block without import or export is still its own module (top-level await, no shared names).
      const isModule = /^\s*(import|export)\b/m.test(s.code);
      writeFileSync(s.fileName, isModule ? s.code : `${s.code}\nexport {};\n`);
    }
    const program = ts.createProgram({ rootNames: [...samples, canary].map((s) => s.fileName!), options: sampleOptions() });
    global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    for (const s of [...samples, canary]) {
      const file = program.getSourceFile(s.fileName!)!;
      diagnostics.set(s, [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]);
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the TypeScript samples and sets up the compiler without errors', () => {
    if (samples.length === 0) throw new Error('no ```ts block found in README.md or docs/: the extractor is broken');
    if (global.length) throw new Error(global.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  });

  it('reports a sample that does not match the API (a misspelt option)', () => {
    const found = diagnostics.get(canary)!.map((d) => describeDiagnostic(d, canary));
    if (!found.some((m) => m.includes('audiense'))) throw new Error(`the wrong sample was not reported: ${found.join('\n') || 'no diagnostic'}`);
  });

  for (const sample of samples) {
    it(`${sample.doc}:${sample.line}`, () => {
      const found = diagnostics.get(sample)!;
      if (found.length) {
        throw new Error(
          `the \`\`\`ts block at ${sample.doc}:${sample.line} does not compile:\n` +
            found.map((d) => `  ${describeDiagnostic(d, sample)}`).join('\n') +
            '\nFix the sample (or the API docs), declare what it needs from around it, or give a non-TypeScript fragment its own fence.',
        );
      }
    });
  }
});
