import { expect } from 'chai';
import { KeySet, PRIVATE_JWK_MEMBERS as PRIVATE_MEMBERS } from '@candor/core/keys';
import { serveJwks, type JwksServer } from '@candor/cli';

describe('local JWKS server (serveJwks)', () => {
  let server: JwksServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the public JWKS on 127.0.0.1 with JWKS content type, cache and CORS headers', async () => {
    const keys = await KeySet.generate('ES256');
    server = await serveJwks({ keys, maxAgeSeconds: 120 });
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.jwksUrl).to.equal(`${server.url}/.well-known/jwks.json`);
    const res = await fetch(server.jwksUrl);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/jwk-set+json');
    expect(res.headers.get('cache-control')).to.equal('public, max-age=120');
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
    const body = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(body.keys.map((k) => k.kid)).to.deep.equal([keys.active.kid]);
    expect(body.keys[0]).to.include({ kty: 'EC', crv: 'P-256' });
  });

  it('never serves a private key member, even when the source hands it one', async () => {
    const keys = await KeySet.generate('EdDSA');
    const stored = await keys.toJSON();
    // A careless source that returns the private JWKs as they are stored.
    server = await serveJwks({ keys: () => ({ keys: [stored.active] }) });
    expect(Object.keys(stored.active)).to.include('d'); // the source really is private
    const body = (await (await fetch(server.jwksUrl)).json()) as { keys: Array<Record<string, unknown>> };
    expect(body.keys).to.have.length(1);
    for (const m of PRIVATE_MEMBERS) expect(body.keys[0]).to.not.have.property(m);
    expect(body.keys[0]).to.include({ kty: 'OKP', crv: 'Ed25519', x: stored.active.x });
  });

  it('publishes only what core calls a public JWK: a member nobody listed as private is not served either', async () => {
    const keys = await KeySet.generate('ES256');
    const pub = keys.publicJwks().keys[0]!;
    // A vendor extension carrying key material, and members a JWKS has no use for.
    server = await serveJwks({ keys: () => ({ keys: [{ ...pub, hsm_secret_share: 'c2VjcmV0', ext: true, key_ops: ['sign'] } as never] }) });
    const body = (await (await fetch(server.jwksUrl)).json()) as { keys: Array<Record<string, unknown>> };
    expect(Object.keys(body.keys[0]!).sort()).to.deep.equal(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    expect(body.keys[0]).to.deep.equal(pub);
  });

  it('serves both the new and the retired key right after a rotation', async () => {
    const keys = await KeySet.generate('ES256');
    const first = keys.active.kid;
    server = await serveJwks({ keys });
    await keys.rotate();
    const body = (await (await fetch(server.jwksUrl)).json()) as { keys: Array<{ kid: string; d?: string }> };
    expect(body.keys.map((k) => k.kid)).to.have.members([first, keys.active.kid]);
    expect(keys.active.kid).to.not.equal(first);
    for (const k of body.keys) for (const m of PRIVATE_MEMBERS) expect(k).to.not.have.property(m);
  });

  it('answers other paths with a JSON 404 and other methods with a JSON 405', async () => {
    server = await serveJwks({ keys: await KeySet.generate() });
    const notFound = await fetch(`${server.url}/jwks.json`);
    expect(notFound.status).to.equal(404);
    expect(notFound.headers.get('content-type')).to.match(/^application\/json/);
    expect(await notFound.json()).to.include({ error: 'not_found' });

    const post = await fetch(server.jwksUrl, { method: 'POST', body: '{}' });
    expect(post.status).to.equal(405);
    expect(post.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
    expect(await post.json()).to.include({ error: 'method_not_allowed' });

    const head = await fetch(server.jwksUrl, { method: 'HEAD' });
    expect(head.status).to.equal(200);
    expect(await head.text()).to.equal('');
  });

  it('answers a browser CORS preflight', async () => {
    server = await serveJwks({ keys: await KeySet.generate() });
    const res = await fetch(server.jwksUrl, { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' } });
    expect(res.status).to.equal(204);
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
    expect(res.headers.get('access-control-allow-methods')).to.include('GET');
  });

  it('reports each answered request to onRequest', async () => {
    const seen: Array<{ method: string; path: string; status: number }> = [];
    server = await serveJwks({ keys: await KeySet.generate(), onRequest: (info) => seen.push(info) });
    await (await fetch(server.jwksUrl)).text();
    await (await fetch(`${server.url}/other?x=1`)).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).to.deep.equal([
      { method: 'GET', path: '/.well-known/jwks.json', status: 200 },
      { method: 'GET', path: '/other', status: 404 },
    ]);
  });

  it('stops accepting connections after close()', async () => {
    const s = await serveJwks({ keys: await KeySet.generate() });
    await fetch(s.jwksUrl); // leave a keep-alive connection open
    await s.close();
    let failed = false;
    try {
      await fetch(s.jwksUrl);
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
  });

  it('refuses an invalid port or max-age with a message naming it', async () => {
    const keys = await KeySet.generate();
    let error: unknown;
    try {
      await serveJwks({ keys, port: 70000 });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/port must be a whole number from 0 to 65535/);
    try {
      await serveJwks({ keys, maxAgeSeconds: -1 });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/maxAgeSeconds/);
  });
});
