import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ActionItemEdit, KpiDefinition } from '@chamber/contracts';
import { badRequest, conflict, notFound } from '../common/errors';
import type { CreateKpiDto, UpdateActionItemDto, UpdateKpiDto } from './dto/kpi-definition.dto';
import { ActionItem } from './entities/action-item.entity';
import { Kpi } from './entities/kpi.entity';
import { Plan } from './entities/plan.entity';

/** Staff add KPIs and change targets; changes are audited, and no ledger row is ever touched. */
@Injectable()
export class KpiDefinitionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(planId: string, dto: CreateKpiDto): Promise<KpiDefinition> {
    return this.dataSource.transaction(async (m) => {
      if (!(await m.exists(Plan, { where: { id: planId } }))) throw notFound('plan_not_found');
      const item = await m.findOne(ActionItem, { where: { planId, code: dto.actionItemCode } });
      if (!item) throw badRequest('actionItemCode', 'validation.action_item_not_in_plan');
      if (!dto.code.startsWith(`${dto.actionItemCode}-`)) {
        throw badRequest('code', 'validation.kpi_code_prefix');
      }
      if (dto.kind === 'ratio' && !dto.denominator?.length) {
        throw badRequest('denominator', 'validation.ratio_needs_denominator');
      }
      if (await m.exists(Kpi, { where: { planId, code: dto.code } })) {
        throw conflict('duplicate_kpi');
      }
      const sort =
        ((
          await m
            .createQueryBuilder(Kpi, 'k')
            .select('MAX(k.sort)', 'max')
            .where('k.plan_id = :planId', { planId })
            .getRawOne<{ max: number }>()
        )?.max ?? 0) + 1;
      const kpi = await m.save(
        m.create(Kpi, {
          planId,
          actionItemId: item.id,
          actionItemCode: item.code,
          code: dto.code,
          labelJa: dto.label.ja,
          labelEn: dto.label.en,
          kind: dto.kind,
          target: dto.target ?? null,
          unit: dto.unit,
          ratioWindow: dto.window ?? null,
          numerator: dto.numerator.map((t) => ({ ...t })),
          denominator: dto.denominator?.map((t) => ({ ...t })) ?? null,
          baseline: dto.baseline?.fiscalYear
            ? { fiscalYear: dto.baseline.fiscalYear }
            : dto.baseline?.previous
              ? { previous: true }
              : null,
          sort,
        }),
      );
      return toDefinition(kpi);
    });
  }

  /** An action item's title or division, in one transaction (the audit row names the route). */
  async updateItem(planId: string, code: string, dto: UpdateActionItemDto): Promise<ActionItemEdit> {
    if (!dto.title && !dto.division) {
      throw badRequest('title', 'validation.title_or_division');
    }
    return this.dataSource.transaction(async (m) => {
      if (!(await m.exists(Plan, { where: { id: planId } }))) throw notFound('plan_not_found');
      const item = await m.findOne(ActionItem, { where: { planId, code }, lock: { mode: 'pessimistic_write' } });
      if (!item) {
        throw notFound('action_item_not_found');
      }
      if (dto.title) {
        item.titleJa = dto.title.ja.trim();
        item.titleEn = dto.title.en.trim();
      }
      if (dto.division) {
        item.divisionJa = dto.division.ja.trim();
        item.divisionEn = dto.division.en.trim();
      }
      if (!item.titleJa || !item.titleEn) throw badRequest('title', 'validation.title_required');
      if (!item.divisionJa || !item.divisionEn) throw badRequest('division', 'validation.division_required');
      const saved = await m.save(item);
      return {
        code: saved.code,
        title: { ja: saved.titleJa, en: saved.titleEn },
        division: saved.divisionJa,
        divisionLabel: { ja: saved.divisionJa, en: saved.divisionEn },
      };
    });
  }

  async update(id: string, dto: UpdateKpiDto): Promise<KpiDefinition> {
    const repo = this.dataSource.getRepository(Kpi);
    const kpi = await repo.findOneBy({ id });
    if (!kpi) throw notFound('kpi_not_found');
    if (dto.label) {
      kpi.labelJa = dto.label.ja;
      kpi.labelEn = dto.label.en;
    }
    if (dto.target !== undefined) kpi.target = dto.target;
    return toDefinition(await repo.save(kpi));
  }
}

function toDefinition(k: Kpi): KpiDefinition {
  return {
    id: k.id,
    code: k.code,
    label: { ja: k.labelJa, en: k.labelEn },
    kind: k.kind,
    target: k.target,
    unit: k.unit,
    measureNote: { ja: k.measureNoteJa, en: k.measureNoteEn },
  };
}
