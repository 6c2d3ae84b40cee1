// The custom elements manifest (packages/elements/custom-elements.json, written by `npm run
// build`) is what Storybook's docs pages and editors' HTML completion show: every component must
// be in it, fully described, and point at files the package actually ships.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentEntries, elementsDir } from '../support/component-size.js';

interface Described {
  name?: string;
  description?: string;
  summary?: string;
  privacy?: string;
  static?: boolean;
  kind?: string;
}
interface Declaration extends Described {
  tagName?: string;
  customElement?: boolean;
  members?: Described[];
  attributes?: Described[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { declaration?: { module?: string } }[] }[];
}

const manifestPath = join(elementsDir, 'custom-elements.json');

describe('custom elements manifest (packages/elements/custom-elements.json)', () => {
  let manifest: Manifest;
  let elements: Declaration[];

  before(() => {
    if (!existsSync(manifestPath)) {
      throw new Error('packages/elements/custom-elements.json is missing: `npm run build` writes it (its last step is `npm run analyze`).');
    }
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  });

  it('describes every component the package registers', () => {
    const tags = elements.map((d) => d.tagName);
    for (const { tag } of componentEntries()) expect(tags, `<${tag}> is not in the manifest`).to.include(tag);
  });

  it('gives each component a summary or description, and each public property, attribute, event, part and custom property a description', () => {
    const missing: string[] = [];
    for (const el of elements) {
      if (!el.summary && !el.description) missing.push(`<${el.tagName}> itself`);
      const publicMembers = (el.members ?? []).filter((m) => (!m.privacy || m.privacy === 'public') && !m.static);
      for (const [kind, list] of [
        ['property', publicMembers],
        ['attribute', el.attributes ?? []],
        ['event', el.events ?? []],
        ['part', el.cssParts ?? []],
        ['custom property', el.cssProperties ?? []],
      ] as const) {
        for (const item of list) if (!item.description?.trim()) missing.push(`<${el.tagName}> ${kind} ${item.name ?? '(unnamed)'}`);
      }
    }
    expect(missing, `undocumented (add JSDoc or @fires/@csspart/@cssprop): ${missing.join(', ')}`).to.be.empty;
  });

  it('names every event candor-… and lists no private members', () => {
    for (const el of elements) {
      for (const ev of el.events ?? []) expect(ev.name, `<${el.tagName}> event`).to.match(/^candor-[a-z-]+$/);
      const leaked = (el.members ?? []).filter((m) => m.privacy === 'private' || m.name?.startsWith('#')).map((m) => m.name);
      expect(leaked, `<${el.tagName}> private members in the manifest`).to.be.empty;
    }
  });

  it('points every module at a built file the package ships (dist/…js), not at the TypeScript source', () => {
    const wrong = manifest.modules
      .map((m) => m.path)
      .filter((p) => !p.startsWith('dist/') || !p.endsWith('.js') || !existsSync(join(elementsDir, p)));
    expect(wrong, 'module paths that are not shipped files').to.be.empty;
  });
});
