// Serves the plain-HTML example (this folder) on 127.0.0.1 with node:http, after building
// dist/candor-elements.js (skip with --no-build). Read-only; no path escapes this folder.
// It also answers a Statuspage-shaped status feed at /status/summary.json (with ETag and 304)
// and POST /status/updates, which adds an update to it (status-feed.mjs).
// --csp adds the strict Content-Security-Policy header to every response (open /csp.html: the
// main page's inline script and styles are refused under it on purpose).
// Usage: npm run example:html [-- --port 8080] [-- --no-build] [-- --csp]   (port 0, the default, picks a free one)
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundle } from './build.mjs';
import { createServer } from 'node:http';
import { staticFiles } from '../static-server.mjs';
import { createStatusFeed, handleStatus } from './status-feed.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The strictest policy Candor's components work under: no inline script or style, no eval, and
 * Trusted Types with only Lit's `lit-html` policy. csp.html is the page made for it.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * Creates the (not yet listening) server for this folder and its status feed (a fresh one per
 * server); `csp: true` sends {@link STRICT_CSP} with every response.
 *
 * @example
 * const server = createExampleServer({ csp: true });
 * server.listen(0, '127.0.0.1');
 */
export function createExampleServer({ csp = false } = {}) {
  const headers = csp ? { 'content-security-policy': STRICT_CSP } : {};
  const feed = createStatusFeed();
  const files = staticFiles(root, {
    headers,
    notFoundHint: (file) => (relative(root, file).startsWith('dist') ? ' (build it: node examples/plain-html/build.mjs)' : ''),
  });
  return createServer((req, res) => {
    if (!handleStatus(feed, req, res, headers)) void files(req, res);
  });
}

/** Parses `--port N` (0–65535) and `--no-build`; throws with a message naming the bad flag. */
function parseArgs(argv) {
  const options = { port: 0, build: true, csp: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--csp') options.csp = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const raw = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(raw);
      if (raw === undefined || !/^\d+$/.test(raw) || port > 65535) {
        throw new Error(`--port needs a whole number from 0 to 65535 (0 picks a free port), got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}.`);
      }
      options.port = port;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else {
      throw new Error(`Unknown option ${JSON.stringify(arg)}. Options: --port <n>, --no-build, --csp.`);
    }
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (options.help) {
    console.log('Usage: node examples/plain-html/serve.mjs [--port <n>] [--no-build] [--csp]');
    process.exit(0);
  }
  if (options.build) {
    try {
      const { bytes } = await buildBundle();
      console.log(`built dist/candor-elements.js (${(bytes / 1024).toFixed(1)} KB minified)`);
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    }
  }
  const server = createExampleServer({ csp: options.csp });
  server.on('error', (e) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${options.port} is already in use: pick another with --port, or --port 0 for a free one.` : e.message);
    process.exit(1);
  });
  server.listen(options.port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${server.address().port}/`;
    console.log(options.csp ? `Candor under a strict Content-Security-Policy: ${url}csp.html` : `Candor plain-HTML example: ${url}`);
    console.log('Press Ctrl+C to stop.');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
