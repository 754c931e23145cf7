import 'reflect-metadata';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { getMetadataStorage } from 'class-validator';
import { arrayLimitProblems } from './array-limits';
import { inputProblems, jsonShapeProblem, LIMITS } from './input-limits';
import { ExamApplicationDto } from '../exams/dto/application.dto';
import { CreateKpiDto } from '../plan/dto/kpi-definition.dto';

/** Every DTO file of the API (…/dto/*.ts and *.dto.ts). */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dtoFiles(path);
    const dto = (/\/dto\//.test(path) || name.endsWith('.dto.ts')) && !name.endsWith('.spec.ts');
    return dto && name.endsWith('.ts') ? [path] : [];
  });
}

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

  it('refuses arrays over their @ArrayMaxSize before the elements are read, nested DTOs included', () => {
    const candidate = { name: 'x' };
    expect(arrayLimitProblems(ExamApplicationDto, { candidates: Array(101).fill(candidate) })).toEqual([
      { field: 'candidates', key: 'arrayMaxSize', n: 100 },
    ]);
    expect(arrayLimitProblems(ExamApplicationDto, { candidates: Array(100).fill(candidate) })).toEqual([]);
    expect(arrayLimitProblems(CreateKpiDto, { numerator: Array(6).fill({}) })).toEqual([
      { field: 'numerator', key: 'arrayMaxSize', n: 5 },
    ]);
  });

  it('finds an @ArrayMaxSize on every array property of every DTO', () => {
    const storage = getMetadataStorage();
    const uncapped: string[] = [];
    let arrays = 0;
    for (const file of dtoFiles(join(__dirname, '..'))) {
      for (const exported of Object.values(require(file) as Record<string, unknown>)) {
        if (typeof exported !== 'function') continue;
        const metas = storage.getTargetValidationMetadatas(exported, '', true, false);
        const names = (p: string) =>
          metas
            .filter((m) => m.propertyName === p)
            .map((m) => (m.constraintCls ? storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name : m.type));
        for (const property of new Set(metas.map((m) => m.propertyName))) {
          const isArray =
            Reflect.getMetadata('design:type', exported.prototype as object, property) === Array ||
            metas.some((m) => m.propertyName === property && m.each) ||
            names(property).includes('isArray');
          if (!isArray) continue;
          arrays++;
          if (!names(property).includes('arrayMaxSize')) uncapped.push(`${exported.name}.${property}`);
        }
      }
    }
    expect(arrays).toBeGreaterThanOrEqual(4);
    expect(uncapped).toEqual([]);
  });
});
