/**
 * 租户信息表 with its 安全责任书 (procedure 三, a tenant moving in): the tenant (the ID number masked, as on every
 * form), the unit, the lease and the moving-in date, the owner's confirmation by phone (who, when, the answer,
 * who recorded it), the safety-responsibility pledge the tenant signs, and the tenant's and the owner's lines.
 */
import type { Content, DocDefinition } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, enumsOf, fill, GREY, namesOf, RED, section, when, wordsOf, type MovingInFormInput } from './common';

export function tenantDocument(input: MovingInFormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.tenant;
  const n = namesOf(input.lang);
  const e = enumsOf(input.lang);
  const d = input.detail;
  const p = input.person;
  const c = d.ownerConfirmation;

  const tenant = labelGrid(
    [
      [{ label: x.name, value: p.name }, { label: x.phone, value: p.phone ?? '' }],
      [{ label: x.idType, value: p.idType ? ((e.idType as Record<string, string>)[p.idType] ?? p.idType) : '' }, { label: x.idNumber, value: p.idNumberMasked ?? '' }],
      [{ label: x.emergency, value: p.emergency ?? '', span: 2 }],
    ],
    2,
  );
  const lease = labelGrid(
    [
      [{ label: t.unit, value: d.unitCode }, { label: t.building, value: input.unit.buildingName }, { label: t.owner, value: input.ownerNames }],
      [{ label: x.leaseFrom, value: d.leaseFrom ?? '' }, { label: x.leaseTo, value: d.leaseTo ?? '' }, { label: x.movingInDate, value: d.date }],
    ],
    3,
  );
  const owner: Content = c
    ? labelGrid(
        [
          [{ label: x.ownerContact, value: c.contactName }, { label: x.ownerPhone, value: c.contactPhoneMasked }, { label: x.calledAt, value: when(c.calledAt) }],
          [{ label: x.answer, value: n.ownerAnswer[c.answer] }, { label: x.recordedBy, value: `${c.recordedBy ?? ''}　${when(c.recordedAt)}`, span: 2 }],
          ...(c.note ? [[{ label: x.ownerNote, value: c.note, span: 3 }]] : []),
        ],
        3,
      )
    : { text: x.noConfirmation, color: RED };
  const pledge = x.pledge;

  return a4Form(input, d.number, x.title, [
    section(x.partTenant, 2),
    tenant,
    section(x.partLease, 8),
    lease,
    section(x.partOwner, 8),
    owner,
    section(x.partPledge, 10),
    { text: fill(x.pledgeIntro, { unit: d.unitCode }), margin: [0, 0, 0, 4] },
    { stack: [pledge.p1, pledge.p2, pledge.p3, pledge.p4, pledge.p5].map((s) => ({ text: s, margin: [0, 0, 0, 3] })), fontSize: 9, lineHeight: 1.3 },
    { text: d.pledgeSigned ? x.pledgeSigned : x.pledgeNotSigned, fontSize: 8, color: d.pledgeSigned ? GREY : RED, margin: [0, 4, 0, 0] },
    { text: ' ', margin: [0, 18, 0, 0] },
    signatureRow([
      { label: x.signTenant, image: null, caption: t.dateLine },
      { label: x.signOwner, image: null, caption: t.dateLine },
    ]),
  ]);
}
