// A read-only static file server for one folder, for local use on 127.0.0.1: the plain-HTML
// example serves itself with it and the Storybook page check serves storybook-static/ with it.
// No path escapes the folder; bad percent-encoding is a 400; only GET and HEAD. Extra response
// headers (e.g. a Content-Security-Policy, to check a page under it) can be added to every response.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The file under `root` a URL path names, or undefined when it is malformed or would leave `root`. */
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined; // bad percent-encoding
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const file = resolve(root, '.' + path);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

function send(res, status, text, headers) {
  res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/**
 * Creates a (not yet listening) server for `folder`. `notFoundHint(file)` may add a hint to a 404;
 * `headers` are added to every response (names in lower case; they cannot replace the content
 * type, length or nosniff).
 *
 * @example
 * const server = createStaticServer('storybook-static');
 * server.listen(0, '127.0.0.1');
 * createStaticServer('examples/plain-html', { headers: { 'content-security-policy': "default-src 'self'" } });
 */
export function createStaticServer(folder, options = {}) {
  return createServer(staticFiles(folder, options));
}

/**
 * The request handler {@link createStaticServer} uses, for a server that answers some paths
 * itself and leaves the rest to the files (the plain-HTML example's status feed does).
 *
 * @example
 * const files = staticFiles('examples/plain-html');
 * createServer((req, res) => (req.url === '/ping' ? res.end('pong') : files(req, res)));
 */
export function staticFiles(folder, { notFoundHint = () => '', headers = {} } = {}) {
  const root = resolve(folder);
  const extra = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed\n', extra);
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = fileFor(root, url.pathname);
    if (!file) return send(res, 400, 'Bad path\n', extra);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        ...extra,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store', // always what was just built
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      if (e?.code === 'ENOENT' || e?.code === 'ENOTDIR' || e?.code === 'EISDIR') {
        return send(res, 404, `Not found${notFoundHint(file)}\n`, extra);
      }
      send(res, 500, 'Could not read the file\n', extra);
    }
  };
}
