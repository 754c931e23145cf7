import type { Consultation, MemberPerson as PersonView, MemberProfile, MemberSummary, Visit } from '@chamber/contracts';
import type { MemberConsultation } from './entities/member-consultation.entity';
import type { MemberPerson } from './entities/member-person.entity';
import type { MemberVisit } from './entities/member-visit.entity';
import type { Member } from './entities/member.entity';

export function toSummary(m: Member): MemberSummary {
  return {
    id: m.id,
    name: m.name,
    nameKana: m.nameKana,
    corporateNumber: m.corporateNumber,
    industry: m.industry,
    ward: m.ward,
    status: m.status,
    founder: m.founder,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
  };
}

export function toProfile(m: Member): MemberProfile {
  return {
    ...toSummary(m),
    representative: m.representative,
    representativeKana: m.representativeKana,
    postalCode: m.postalCode,
    address: m.address,
    phone: m.phone,
    email: m.email,
    website: m.website,
    employees: m.employees,
    notes: m.notes,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function toPerson(p: MemberPerson): PersonView {
  return {
    id: p.id,
    memberId: p.memberId,
    name: p.name,
    nameKana: p.nameKana,
    email: p.email,
    phone: p.phone,
    role: p.role,
    primary: p.primary,
    userAccountId: p.userAccountId,
  };
}

export function toConsultation(
  c: MemberConsultation,
  staffName: string | null = null,
  memberName?: string,
): Consultation {
  return {
    id: c.id,
    memberId: c.memberId,
    ...(memberName !== undefined ? { memberName } : {}),
    kind: c.kind,
    date: c.date,
    fiscalYear: c.fiscalYear,
    actionItemCode: c.actionItemCode,
    summary: c.summary,
    followUpOn: c.followUpOn,
    staffId: c.staffId,
    staffName,
    firstInFiscalYear: c.firstInFiscalYear,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toVisit(v: MemberVisit, staffName: string | null = null, memberName?: string): Visit {
  return {
    id: v.id,
    memberId: v.memberId,
    ...(memberName !== undefined ? { memberName } : {}),
    date: v.date,
    fiscalYear: v.fiscalYear,
    note: v.note,
    staffId: v.staffId,
    staffName,
    firstInFiscalYear: v.firstInFiscalYear,
    createdAt: v.createdAt.toISOString(),
  };
}
