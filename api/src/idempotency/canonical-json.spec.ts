import { canonicalJson } from './idempotency.service';

describe('canonicalJson (the body a repeat is compared by)', () => {
  it('is the same for the same body with its fields in another order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('tells different bodies apart: values, array order, nesting, and no body from an empty one', () => {
    const variants = [{ a: 1 }, { a: '1' }, { a: [1, 2] }, { a: [2, 1] }, { a: { b: 1 } }, {}, undefined, [], 'a'];
    expect(new Set(variants.map(canonicalJson)).size).toBe(variants.length);
    expect(canonicalJson(undefined)).toBe(canonicalJson(null));
  });
});
