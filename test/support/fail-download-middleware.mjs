// Lets a browser test make one download fail, as a flaky network would: the page sets the cookie
// `candor-fail-once=<token>:<file name>` and the next request for a file of that name that carries
// it gets a 503; later requests are served. Chromium then keeps that module failed, and other test
// pages of the same run can be handed the failure too (they share the browser's caches), so the
// tests that use this run on their own (test/elements/isolated/, see test/run.mjs).
const failed = new Set();

/** Koa middleware for @web/test-runner's `middleware` option. */
export async function failDownloadOnce(ctx, next) {
  const cookie = ctx.get('cookie');
  const match = /(?:^|;\s*)candor-fail-once=([^;]+)/.exec(cookie);
  if (match) {
    const [token, file] = decodeURIComponent(match[1]).split(':');
    const key = `${token}:${file}`;
    if (file && !failed.has(key) && ctx.path.endsWith(`/${file}`)) {
      failed.add(key);
      ctx.status = 503;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = 'Service Unavailable (test: this download fails once)';
      return;
    }
  }
  return next();
}
