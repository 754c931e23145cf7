import { inputProblems, jsonShapeProblem, LIMITS } from './input-limits';

describe('input limits', () => {
  it('finds control characters by path, in values and keys; tab, LF and CR are text', () => {
    expect(
      inputProblems({ name: 'a\u0000b', note: 'line\r\n\tnext', list: [{ x: 'ok' }, { x: '\u007f' }] }, 'body'),
    ).toEqual([
      { field: 'name', key: 'controlCharacters' },
      { field: 'list.1.x', key: 'controlCharacters' },
    ]);
    expect(inputProblems({ 'a\u0001': 1 }, 'body')).toEqual([{ field: 'a?', key: 'controlCharacters' }]);
    expect(inputProblems('\u0000', 'body')).toEqual([{ field: 'body', key: 'controlCharacters' }]);
  });

  it('stops at the depth and value limits without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblems(deep, 'body')).toEqual([
      { field: Array(LIMITS.depth).fill('0').join('.'), key: 'tooDeep', n: LIMITS.depth },
    ]);
    let ok: unknown = 1;
    for (let i = 0; i < LIMITS.depth; i++) ok = { a: ok };
    expect(inputProblems(ok, 'body')).toEqual([]);
    expect(inputProblems({ xs: Array(LIMITS.values).fill(0) }, 'body')).toEqual([
      { field: 'body', key: 'tooManyValues', n: LIMITS.values },
    ]);
  });

  it('reads the shape of a JSON text before parsing: depth and commas outside strings', () => {
    const text = (t: string) => jsonShapeProblem(Buffer.from(t));
    expect(text('['.repeat(100_000) + ']'.repeat(100_000))).toEqual({ field: 'body', key: 'tooDeep', n: LIMITS.depth });
    expect(text('['.repeat(LIMITS.depth) + ']'.repeat(LIMITS.depth))).toBeNull();
    expect(text(JSON.stringify({ s: '[[[[[[[[[[[[[[[[[[[[[[[[\\"' + ','.repeat(20_000) }))).toBeNull();
    expect(text(JSON.stringify(Array(LIMITS.values + 1).fill(0)))).toEqual({
      field: 'body',
      key: 'tooManyValues',
      n: LIMITS.values,
    });
    expect(text(JSON.stringify(Array(LIMITS.values - 1).fill(0)))).toBeNull();
  });
});
