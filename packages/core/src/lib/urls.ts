/** URL rules shared by issuer and verifier options and the CLI: https everywhere, plain http only on this machine. */

/** How the loopback rule reads in messages, so every caller words it the same way. */
export const LOOPBACK_HOSTS_TEXT = 'localhost, *.localhost, 127.0.0.0/8 or [::1]';

/**
 * True for `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`: the hosts where plain http
 * never leaves the machine.
 *
 * @example
 * ```ts
 * isLoopbackHost(new URL('http://127.0.0.1:8787').hostname); // true
 * isLoopbackHost('bank.example');                            // false
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * Parses `value` as an http(s) URL; undefined when it is not one or uses http off the loopback
 * ({@link isLoopbackHost}). An issuer, audience or JWKS location is a trust anchor and must not
 * travel in clear over a network.
 *
 * @example
 * ```ts
 * parseSecureUrl('https://bank.example/.well-known/jwks.json'); // URL
 * parseSecureUrl('http://bank.example');                        // undefined
 * ```
 */
export function parseSecureUrl(value: string | URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(value); // a URL is copied (through its href), never changed
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  return undefined;
}

/**
 * True when `url` holds no space and no character of Unicode's "other" category: controls, format
 * characters (line breaks, tabs, bidi overrides, zero-width spaces), lone surrogates, private-use
 * and unassigned code points. The URL parser drops or encodes those, so
 * `https://x.example/\nCall 555…` parses as a link, while a text that prints it (an SMS, an
 * e-mail) shows the line after the break. Every link printed into a text passes this.
 *
 * @example
 * ```ts
 * isBareLink('https://status.bank.example/incidents/42'); // true
 * isBareLink('https://x.example/\nURGENT: call us');      // false
 * ```
 */
export const isBareLink = (url: string): boolean => !/[\s\p{C}]/u.test(url);
