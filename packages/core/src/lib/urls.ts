/** URL rules shared by issuer and verifier options: https everywhere, plain http only on this machine. */

/** True for `localhost`, `127.0.0.0/8` and `[::1]`, the hosts where plain http never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** Parses `value` as an http(s) URL; undefined when it is not one or uses http off the loopback. */
export function parseSecureUrl(value: string | URL): URL | undefined {
  let url: URL;
  try {
    url = value instanceof URL ? new URL(value.href) : new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  return undefined;
}
