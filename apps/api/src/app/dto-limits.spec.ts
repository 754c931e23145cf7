// The input limits on the DTOs of every domain: composition, above every layer (common's own
// limits are specified in common/input-limits.spec.ts).
import 'reflect-metadata';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { getMetadataStorage } from 'class-validator';
import { arrayLimitProblems } from './common/array-limits';
import { ExamApplicationDto } from './exams/dto/application.dto';
import { CreateKpiDto } from './plan/dto/kpi-definition.dto';

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
    for (const file of dtoFiles(__dirname)) {
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
