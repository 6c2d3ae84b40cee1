// Every workspace package as npm would publish it: `npm pack` once per package (its JSON is what
// `npm pack --dry-run --json` prints, and the tarball is what a registry would serve), then
// publint (strict: warnings fail) on the package folder and @arethetypeswrong/cli on the tarball
// (profile esm-only: the packages are ES modules only, so CommonJS and node10 resolution are out
// of scope). All of it runs in parallel in `before`; each test reads one tool's verdict for one
// package and fails with that tool's own output. Needs the build (`npm run build`).
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PACKAGES = ['core', 'elements', 'cli'] as const;
type PackageName = (typeof PACKAGES)[number];
const bin = (name: string) => resolve('node_modules', '.bin', name);

interface Outcome {
  ok: boolean;
  output: string;
}
interface Packed {
  tarball: string;
  files: string[];
}

/** Runs a command; resolves with its exit status and everything it printed, never rejects. */
async function tool(cmd: string, args: string[], cwd: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message };
  }
}

/** `npm pack --json` into `dest`: the tarball's path and the list of files in it. */
async function pack(dir: string, dest: string): Promise<Packed> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dest, info!.filename), files: info!.files.map((f) => f.path) };
}

/** Every file path a package.json points at: export targets (wildcards as patterns), main, types, bin. */
function targets(pkg: Record<string, unknown>): string[] {
  const out: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(pkg.exports);
  collect(pkg.bin);
  for (const field of ['main', 'types', 'jsdelivr', 'unpkg']) collect(pkg[field]);
  return [...new Set(out.map((t) => t.replace(/^\.\//, '')))];
}

const patternOf = (target: string) => new RegExp(`^${target.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);

describe('publishable packages (npm pack, publint, attw)', function () {
  this.timeout(300_000); // about 20 s of CPU in all; generous for a machine busy with other work
  const dest = mkdtempSync(join(tmpdir(), 'candor-pack-'));
  const packed = new Map<PackageName, Packed>();
  const publint = new Map<PackageName, Outcome>();
  const attw = new Map<PackageName, Outcome>();

  before(async () => {
    for (const name of PACKAGES) {
      if (!existsSync(join('packages', name, 'dist'))) throw new Error(`packages/${name}/dist is missing: run npm run build first.`);
    }
    await Promise.all(
      PACKAGES.map(async (name) => {
        const dir = resolve('packages', name);
        const [p, lint] = await Promise.all([pack(dir, dest), tool(bin('publint'), ['--strict'], dir)]);
        packed.set(name, p);
        publint.set(name, lint);
        attw.set(name, await tool(bin('attw'), [p.tarball, '--profile', 'esm-only', '--format', 'ascii'], dir));
      }),
    );
  });

  after(() => rmSync(dest, { recursive: true, force: true }));

  for (const name of PACKAGES) {
    describe(`@candor/${name}`, () => {
      it('npm pack: dist, README and LICENSE in the tarball, every export target too, no sources, tests or build info', () => {
        const { files } = packed.get(name)!;
        const pkg = JSON.parse(readFileSync(join('packages', name, 'package.json'), 'utf8')) as Record<string, unknown>;
        expect(files, 'dist/').to.satisfy((f: string[]) => f.some((p) => p.startsWith('dist/') && p.endsWith('.js')));
        expect(files).to.include.members(['package.json', 'README.md', 'LICENSE']);
        expect(readFileSync(join('packages', name, 'LICENSE'), 'utf8'), 'the package LICENSE is the repository one').to.equal(readFileSync('LICENSE', 'utf8'));
        const leaks = files.filter((p) => /^(src|test|tests|scripts)\//.test(p) || /\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$|\.test\.[jt]s$/.test(p));
        expect(leaks, 'files that should not be published').to.deep.equal([]);
        const missing = targets(pkg).filter((t) => !files.some((f) => patternOf(t).test(f)));
        expect(missing, 'package.json points at files missing from the tarball').to.deep.equal([]);
        // Every JavaScript export has its declaration beside it.
        for (const js of files.filter((f) => /^dist\/.*\.js$/.test(f) && !f.startsWith('dist/cdn/') && !f.includes('node_modules/'))) {
          expect(files, `${js} has no .d.ts`).to.include(js.replace(/\.js$/, '.d.ts'));
        }
        if (name === 'elements') {
          expect(files).to.include.members(['custom-elements.json', 'dist/cdn/candor.js', 'dist/cdn/candor.js.map']);
        }
      });

      it('publint --strict passes', () => {
        const r = publint.get(name)!;
        expect(r.ok, r.output).to.equal(true);
      });

      it('are the types wrong (attw, esm-only) passes', () => {
        const r = attw.get(name)!;
        expect(r.ok, r.output).to.equal(true);
      });
    });
  }
});
