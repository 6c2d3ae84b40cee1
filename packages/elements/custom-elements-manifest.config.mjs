// Configuration for @custom-elements-manifest/analyzer (`npm run analyze`, also the last step of
// `npm run build`): writes packages/elements/custom-elements.json from the components' JSDoc
// (@summary, @slot, @csspart, @cssprop, @fires) and their Lit properties. Storybook's docs tables
// and editors' HTML completion read it. It is generated, not committed.

/**
 * The analyzer records the TypeScript source paths (`src/stepper/candor-stepper.ts`), but the
 * package ships `dist` only, so every path in the published manifest would point at a file a
 * user does not have. Rewrite them to the built JavaScript that sits at the same place in dist.
 */
function pointAtDist() {
  const toDist = (path) =>
    typeof path === 'string' && path.startsWith('src/') ? path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js') : path;
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'path' || key === 'module') value[key] = toDist(child);
      else walk(child);
    }
  };
  return {
    name: 'candor-point-at-dist',
    packageLinkPhase({ customElementsManifest }) {
      walk(customElementsManifest.modules);
    },
  };
}

/**
 * Keeps the manifest to what a user of the components can touch:
 * - drops `private` and `#private` members (implementation details no caller can reach;
 *   `protected` ones stay, for subclasses);
 * - drops the events the analyzer infers from `dispatchEvent(new SomeEvent(detail))`: it cannot
 *   see the name inside the event class, so it records a nameless event, or one named after
 *   the constructor's first argument (`detail`). Every real event is documented with `@fires`,
 *   which carries its `candor-*` name.
 */
function publicSurfaceOnly() {
  return {
    name: 'candor-public-surface-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (Array.isArray(decl.members)) {
            decl.members = decl.members.filter((m) => m.privacy !== 'private' && !m.name?.startsWith('#'));
          }
          if (Array.isArray(decl.events)) {
            const documented = new Set(decl.events.filter((e) => e.description).map((e) => e.type?.text));
            decl.events = decl.events.filter((e) => e.name && !(!e.description && documented.has(e.type?.text)));
          }
        }
      }
    },
  };
}

/**
 * `<candor-step>` and `<candor-faq-entry>` extend `ServerSafeHTMLElement` (`HTMLElement`, or an
 * empty class on a server) so that they can be imported in Node: to a user they are HTMLElements.
 */
function serverSafeIsHTMLElement() {
  return {
    name: 'candor-server-safe-is-html-element',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.superclass?.name === 'ServerSafeHTMLElement') decl.superclass = { name: 'HTMLElement', package: 'global:' };
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Tests and declaration files are not part of the public surface.
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest ("customElements"); never rewrite that file.
  packagejson: false,
  dependencies: false,
  plugins: [publicSurfaceOnly(), serverSafeIsHTMLElement(), pointAtDist()],
};
