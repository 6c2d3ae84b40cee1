/** RFC 9901 §7.1 steps 3–5: puts each disclosure back where its digest is, refusing every ambiguous or reused reference. */
import { CandorError, type CandorErrorCode } from '../errors.js';
import { defineMember, isArrayDigest, isObject, pathText, type ClaimPathSegment, type Disclosure } from './disclosure.js';

/** One disclosure placed into the payload. */
export interface PlacedDisclosure {
  /** Where its value now is in the processed payload. */
  readonly path: readonly ClaimPathSegment[];
  readonly disclosure: Disclosure;
  /** Digests of the disclosures it sits inside (outermost first): disclosing it means disclosing those too. */
  readonly parents: readonly string[];
}

/** What processing returns: the payload with disclosures in place and `_sd`, `_sd_alg`, `...` gone. */
export interface ProcessedPayload {
  readonly claims: Record<string, unknown>;
  readonly placed: readonly PlacedDisclosure[];
}

/** Deeper than this is not a credential; refused before the stack is at risk. */
const MAX_DEPTH = 32;

const fail = (code: CandorErrorCode, message: string, field?: string) => new CandorError(code, message, field ? { field } : {});

const at = (path: readonly ClaimPathSegment[]) => (path.length === 0 ? 'the top level' : `"${pathText(path)}"`);

/**
 * Rebuilds the payload from the issuer-signed JWT and the disclosures. Refuses: a digest seen
 * twice anywhere, directly or through disclosures (`duplicate_digest`; this also catches a
 * disclosure that refers to itself), an object-property disclosure referenced from an array or an
 * array-element disclosure referenced from `_sd` (`invalid_disclosure`), a disclosed name already
 * in its object (`claim_clash`), a `...` member outside an array element (`reserved_claim_name`),
 * a malformed `_sd` or `...` value (`invalid_claims`), and any disclosure left unused
 * (`unreferenced_disclosure`). Digests with no disclosure (undisclosed claims, decoys) are dropped.
 */
export function processPayload(payload: Record<string, unknown>, disclosures: readonly Disclosure[]): ProcessedPayload {
  const byDigest = new Map<string, Disclosure>();
  for (const d of disclosures) {
    if (byDigest.has(d.digest)) throw fail('duplicate_disclosure', `The disclosure of ${d.name === undefined ? 'an array element' : JSON.stringify(d.name)} is given twice; a presentation carries each disclosure once.`);
    byDigest.set(d.digest, d);
  }
  const seen = new Set<string>();
  const placed: PlacedDisclosure[] = [];

  function take(digest: unknown, path: readonly ClaimPathSegment[]): Disclosure | undefined {
    if (typeof digest !== 'string') throw fail('invalid_claims', `A digest at ${at(path)} is a ${digest === null ? 'null' : typeof digest}, not a string.`, pathText(path));
    if (seen.has(digest)) {
      throw fail('duplicate_digest', `The digest ${digest} appears more than once in the credential (at ${at(path)} again); each digest may be used once. The credential is not valid.`, pathText(path));
    }
    seen.add(digest);
    return byDigest.get(digest);
  }

  function walk(value: unknown, path: readonly ClaimPathSegment[], parents: readonly string[]): unknown {
    if (path.length > MAX_DEPTH) throw fail('invalid_claims', `The credential nests deeper than ${MAX_DEPTH} levels at ${at(path)}.`);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const element of value) {
        if (!isArrayDigest(element)) {
          out.push(walk(element, [...path, out.length], parents));
          continue;
        }
        if (Object.keys(element).length !== 1) {
          throw fail('invalid_claims', `An array element at ${at(path)} has "..." and other members; an element standing for a disclosure is exactly { "...": digest }.`, pathText(path));
        }
        const d = take(element['...'], path);
        if (d === undefined) continue; // not disclosed, or a decoy
        if (d.name !== undefined) {
          throw fail('invalid_disclosure', `The disclosure of ${JSON.stringify(d.name)} has 3 members (an object property) but its digest is an array element at ${at(path)}; array elements have 2.`, pathText(path));
        }
        const elementPath = [...path, out.length];
        placed.push({ path: elementPath, disclosure: d, parents });
        out.push(walk(d.value, elementPath, [...parents, d.digest]));
      }
      return out;
    }
    if (!isObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      if (name === '_sd' || (name === '_sd_alg' && path.length === 0)) continue;
      if (name === '...') {
        throw fail('reserved_claim_name', `The credential has a member named "..." at ${at(path)}; that name is reserved for array elements standing for disclosures.`, pathText(path));
      }
      defineMember(out, name, walk(value[name], [...path, name], parents));
    }
    const sd = value._sd;
    if (sd !== undefined) {
      if (!Array.isArray(sd)) throw fail('invalid_claims', `"_sd" at ${at(path)} is not an array of digests.`, pathText([...path, '_sd']));
      for (const digest of sd) {
        const d = take(digest, path);
        if (d === undefined) continue;
        if (d.name === undefined) {
          throw fail('invalid_disclosure', `A disclosure with 2 members (an array element) is referenced from "_sd" at ${at(path)}; object properties have 3 (salt, name, value).`, pathText(path));
        }
        const propertyPath = [...path, d.name];
        if (Object.hasOwn(out, d.name)) {
          throw fail('claim_clash', `The disclosure of "${d.name}" at ${at(path)} clashes with a claim of the same name already there; a disclosure never overrides a claim. The credential is not valid.`, pathText(propertyPath));
        }
        placed.push({ path: propertyPath, disclosure: d, parents });
        defineMember(out, d.name, walk(d.value, propertyPath, [...parents, d.digest]));
      }
    }
    return out;
  }

  const claims = walk(payload, [], []) as Record<string, unknown>;
  if (placed.length !== byDigest.size) {
    const used = new Set(placed.map((p) => p.disclosure.digest));
    const stray = disclosures.find((d) => !used.has(d.digest))!;
    throw fail(
      'unreferenced_disclosure',
      `The disclosure of ${stray.name === undefined ? 'an array element' : JSON.stringify(stray.name)} is not referenced by the credential: it was not issued with it. Refuse the presentation.`,
    );
  }
  return { claims, placed };
}
