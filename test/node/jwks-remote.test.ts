// Remote JWKS over real HTTP on 127.0.0.1: success, unknown kid, unreachable, non-JSON, and URL rules.
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeySet, exportPrivateJwk } from '@candor/core/keys';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import { AUD, ISS, rejectsWith } from '../core/token-kit.js';

interface Served {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** Serves `body` (a function, so tests can change it) on 127.0.0.1 at a free port. */
async function serve(body: () => { status?: number; type?: string; text: string }): Promise<Served> {
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    const b = body();
    res.writeHead(b.status ?? 200, { 'content-type': b.type ?? 'application/jwk-set+json' });
    res.end(b.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const input = {
  subject: 'cust_1',
  audience: AUD,
  verification: { level: 'substantial' as const, methods: ['document' as const], verifiedAt: new Date(), riskTier: 'low' as const },
};

describe('remote JWKS', () => {
  let keys: KeySet;
  let token: string;
  before(async () => {
    keys = await KeySet.generate();
    token = await createIssuer({ issuer: ISS, keys }).issue(input);
  });

  it('verifies against keys fetched over HTTP and caches the key set', async () => {
    const server = await serve(() => ({ text: JSON.stringify(keys.publicJwks()) }));
    try {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys: server.url });
      expect((await v.verify(token)).outcome).to.equal('valid');
      expect((await v.verify(token)).outcome).to.equal('valid');
      expect(server.requests).to.equal(1);
    } finally {
      await server.close();
    }
  });

  it('accepts a URL object as the key source', async () => {
    const server = await serve(() => ({ text: JSON.stringify(keys.publicJwks()) }));
    try {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys: new URL(server.url) });
      expect((await v.verify(token)).outcome).to.equal('valid');
    } finally {
      await server.close();
    }
  });

  it('reports a kid the JWKS does not have as unknown_key', async () => {
    const other = await KeySet.generate();
    const server = await serve(() => ({ text: JSON.stringify(other.publicJwks()) }));
    try {
      await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'unknown_key');
    } finally {
      await server.close();
    }
  });

  it('picks up a rotated key by refetching when an unknown kid arrives after the cooldown', async () => {
    const rotating = await KeySet.generate();
    const server = await serve(() => ({ text: JSON.stringify(rotating.publicJwks()) }));
    try {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys: server.url, jwks: { cooldownMs: 0 } });
      const issuer = createIssuer({ issuer: ISS, keys: rotating });
      expect((await v.verify(await issuer.issue(input))).outcome).to.equal('valid');
      await rotating.rotate();
      expect((await v.verify(await issuer.issue(input))).outcome).to.equal('valid');
      expect(server.requests).to.equal(2);
    } finally {
      await server.close();
    }
  });

  it('refuses a JWKS that publishes private key members as jwks_unavailable, never using its keys', async () => {
    const leaked = { keys: [await exportPrivateJwk(keys.active)] };
    const server = await serve(() => ({ text: JSON.stringify(leaked) }));
    try {
      const e = await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'jwks_unavailable');
      expect(e.message).to.contain('must be public keys');
    } finally {
      await server.close();
    }
  });

  it('reports an unreachable server (a closed port) as jwks_unavailable', async () => {
    const server = await serve(() => ({ text: '{}' }));
    const url = server.url;
    await server.close();
    await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: url }).verify(token), 'jwks_unavailable');
  });

  it('reports a body that is not JSON as jwks_unavailable', async () => {
    const server = await serve(() => ({ type: 'text/html', text: '<html>maintenance</html>' }));
    try {
      await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'jwks_unavailable');
    } finally {
      await server.close();
    }
  });

  it('reports JSON that is not a JWKS, and a 500, as jwks_unavailable', async () => {
    let reply = { status: 200, text: '{"keys": "nope"}' };
    const server = await serve(() => reply);
    try {
      await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'jwks_unavailable');
      reply = { status: 500, text: 'oops' };
      await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'jwks_unavailable');
    } finally {
      await server.close();
    }
  });

  it('reports a server slower than timeoutMs as jwks_unavailable', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys: `http://127.0.0.1:${port}/jwks`, jwks: { timeoutMs: 200 } });
      await rejectsWith(v.verify(token), 'jwks_unavailable');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a JWKS over 64 KiB as jwks_unavailable without reading it all, announced or streamed', async () => {
    const padded = JSON.stringify({ keys: keys.publicJwks().keys, padding: 'x'.repeat(70 * 1024) });
    const server = await serve(() => ({ text: padded }));
    try {
      const e = await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'jwks_unavailable');
      expect(e.message).to.contain('65536-byte limit');
    } finally {
      await server.close();
    }
    // No content-length: a chunked body that never ends is cut off at the limit, not buffered.
    const endless = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `${' '.repeat(16 * 1024)}`;
      res.write('{"keys":[');
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = endless.address() as AddressInfo;
      const e = await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: `http://127.0.0.1:${port}/jwks` }).verify(token), 'jwks_unavailable');
      expect(e.message).to.contain('more than 65536');
    } finally {
      endless.closeAllConnections();
      await new Promise<void>((resolve) => endless.close(() => resolve()));
    }
  });

  it('says a kid is listed twice, rather than missing, when the JWKS has two keys under one kid', async () => {
    const other = await KeySet.generate();
    const twice = { keys: [keys.publicJwks().keys[0], { ...other.publicJwks().keys[0], kid: keys.active.kid }] };
    const server = await serve(() => ({ text: JSON.stringify(twice) }));
    try {
      const e = await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys: server.url }).verify(token), 'unknown_key');
      expect(e.message).to.contain('more than one ES256 key');
    } finally {
      await server.close();
    }
  });

  it('refuses plain http to a host other than the loopback, and other schemes, with invalid_options', () => {
    for (const url of ['http://id.example.com/jwks.json', 'http://10.0.0.1/jwks.json', 'file:///etc/jwks.json', 'ftp://id.example.com/jwks', 'javascript:alert(1)', 'not a url']) {
      expect(() => createVerifier({ issuer: ISS, audience: AUD, keys: url }), url).to.throw().with.property('code', 'invalid_options');
    }
    for (const url of ['https://id.example.com/jwks.json', 'http://localhost:8080/jwks.json', 'http://[::1]:8080/jwks.json']) {
      expect(() => createVerifier({ issuer: ISS, audience: AUD, keys: url }), url).to.not.throw();
    }
  });
});
