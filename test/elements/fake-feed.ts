// A status-feed server for banner tests: replaces fetch for https://status.bank.example/ only.

export interface Call {
  url: string;
  at: number;
  headers: Headers;
  init: RequestInit;
}
export type Reply = () => Response | Promise<Response>;

/** Replaces fetch for the feed URL: each request takes the next reply (the last one repeats). */
export function scriptFetch(replies: Reply[]) {
  const calls: Call[] = [];
  const real = window.fetch;
  window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (!url.includes('//status.bank.example/')) return real(input, init);
    calls.push({ url, at: performance.now(), headers: new Headers(init.headers), init });
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
    return reply();
  }) as typeof fetch;
  return { calls, restore: () => void (window.fetch = real) };
}

/** A 200 reply with `body` as JSON. */
export const json = (body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });
