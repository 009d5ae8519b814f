/** Test data: valid mainland IDs and phones, a small site created through the channels, a valid input for every channel. */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { Channel, ChannelInput } from '../../shared/contract';
import { b64, PASSWORD, type TestEnv } from './host';

/** GB 11643 sample with check character X; masked 110***********002X. */
export const ID_A = '11010519491231002X';
/** Check character 5. */
export const ID_B = '440308199003071235';
/** Same first 17 digits as ID_B with a wrong check digit. */
export const ID_BAD = '440308199003071234';
/** Unified social credit code with a valid GB 32100 check character. */
export const USCC = '9144030071526726XG';

export interface Site {
  buildingId: string;
  unitId: string;
  unit2Id: string;
  personId: string;
  companyId: string;
  linkId: string;
}

/** Building 1 with units 1-101 and 1-102, 张三 (phone, ID) owning 1-101, and a company. Created as the manager on `mgr`. */
export async function createSite(env: TestEnv): Promise<Site> {
  const b = await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
  const u = await env.ok('units.create', { buildingId: b.id, code: '1-101', use: 'residential', floor: 1, areaM2: 89.5, note: null });
  const u2 = await env.ok('units.create', { buildingId: b.id, code: '1-102', use: 'residential', floor: 1, areaM2: 120, note: null });
  const p = await env.ok('people.create', {
    kind: 'person',
    name: '张三',
    phone: '138 1234 5678',
    phone2: null,
    idType: 'resident_id',
    idNumber: ID_A.toLowerCase(),
    contactPerson: null,
    emergencyName: '李四',
    emergencyPhone: '13987654321',
    birthday: '1949-12-31',
    note: null,
  });
  const c = await env.ok('people.create', {
    kind: 'company',
    name: '深圳市阳光科技有限公司',
    phone: '0755-12345678',
    phone2: null,
    idType: 'business_license',
    idNumber: USCC,
    contactPerson: '王五',
    emergencyName: null,
    emergencyPhone: null,
    birthday: null,
    note: null,
  });
  const l = await env.ok('links.create', { unitId: u.id, personId: p.id, relation: 'owner', startDate: '2020-01-01', endDate: null });
  return { buildingId: b.id, unitId: u.id, unit2Id: u2.id, personId: p.id, companyId: c.id, linkId: l.id };
}

const CSV_SMALL = '楼栋,房号,用途,业主姓名,业主电话\n9,9-901,住宅,赵六,13711112222\n';

let counter = 9000;

/**
 * A valid input for every channel (the type makes this list complete). Writes aim at records that can
 * take them repeatedly; ids that do not exist are valid ids that give NOT_FOUND.
 */
export function validInputs(site: Site, other: { userId: string; missingId: string }): { [C in Channel]: ChannelInput<C> } {
  return {
    'app.status': {},
    'setup.init': { siteName: 'X', username: 'someone', displayName: 'X', password: PASSWORD, demo: false },
    'auth.signIn': { username: 'nobody', password: 'wrong-password-1' },
    'auth.unlock': { password: PASSWORD },
    'auth.signOut': {},
    'recovery.restore': { name: 'frontdesk-20260101-000000-manual.db' },
    'recovery.backups': {},
    'recovery.newSite': { confirm: true },
    'auth.lock': {},
    'auth.changePassword': { current: PASSWORD, next: PASSWORD },
    'today.summary': {},
    'search.global': { q: 'zs' },
    'settings.get': {},
    'settings.update': { hotline: '400-800-1234' },
    'users.list': {},
    'users.create': { username: `user${++counter}`, displayName: '新员工', role: 'clerk', password: PASSWORD },
    'users.update': { id: other.userId, displayName: '前台乙' },
    'users.resetPassword': { id: other.missingId, password: PASSWORD },
    'buildings.list': { includeVoided: true },
    'buildings.create': { code: `B${++counter}`, name: '新楼', note: null },
    'buildings.update': { id: site.buildingId, code: '1', name: '1号楼', note: '更新' },
    'buildings.void': { id: site.buildingId, reason: '测试' },
    'units.list': { offset: 0, limit: 10, q: '1-' },
    'units.get': { id: site.unitId },
    'units.create': { buildingId: site.buildingId, code: `1-${++counter}`, use: 'shop', floor: null, areaM2: null, note: null },
    'units.update': { id: site.unit2Id, buildingId: site.buildingId, code: '1-102', use: 'residential', floor: 1, areaM2: 120, note: '更新' },
    'units.void': { id: other.missingId, reason: '测试' },
    'units.setOccupancy': { unitId: site.unit2Id, state: 'vacant', effectiveDate: '2026-01-01', note: null },
    'occupancy.onDate': { date: '2026-02-28' },
    'people.list': { offset: 0, limit: 10 },
    'people.get': { id: site.personId },
    'people.create': { kind: 'person', name: '测试人', phone: '13700001111' },
    'people.update': { id: site.companyId, person: { kind: 'company', name: '深圳市阳光科技有限公司', contactPerson: '王五', idType: 'business_license', idNumber: USCC } },
    'people.reveal': { id: site.personId, field: 'phone' },
    'links.create': { unitId: site.unit2Id, personId: site.companyId, relation: 'company', startDate: '2026-01-01', endDate: null },
    'links.end': { id: site.linkId, endDate: '2030-12-31' },
    'links.void': { id: other.missingId, reason: '测试' },
    'import.preview': { fileName: 'small.csv', contentBase64: b64(CSV_SMALL) },
    'import.commit': { jobId: other.missingId, onlyValid: true },
    'import.progress': { jobId: other.missingId },
    'audit.list': { offset: 0, limit: 5 },
    'backup.list': {},
    'backup.create': {},
    'backup.restore': { name: 'frontdesk-20260101-000000-manual.db' },
    // Goods-release slips: a real draft to create; the other steps aim at a slip that does not exist.
    'slips.list': {},
    'slips.get': { id: other.missingId },
    'slips.create': SLIP_DRAFT(site),
    'slips.update': { id: other.missingId, draft: SLIP_DRAFT(site) },
    'slips.submit': { id: other.missingId },
    'slips.recordCall': { slipId: other.missingId, contactRole: 'owner', contactName: '张三', contactPhone: '13812345678', calledAt: '2026-03-15T04:00:00.000Z', answer: 'agreed' },
    'slips.confirmFees': { slipId: other.missingId, receipt: 'R-0001' },
    'slips.issue': { slipId: other.missingId, signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'paper' } } },
    'slips.refuse': { id: other.missingId, reason: '测试' },
    'slips.void': { id: other.missingId, reason: '测试' },
    'slips.print': { id: other.missingId, lang: 'zh-CN' },
    'records.print': { number: 'ZZ-2026-999999', lang: 'zh-CN' },
    // Native dialogs: answered by the Electron shell; the host refuses them.
    'file.save': { fileName: 'FX-2026-000001.pdf', base64: 'JVBERi0xLjcK' },
    'pdf.print': { fileName: 'FX-2026-000001.pdf', pdfBase64: 'JVBERi0xLjcK' },
    'gate.lookup': { number: 'ZZ-2026-999999' },
    'gate.exit': { number: 'ZZ-2026-999999' },
    // The monthly occupancy report of February 2026 (the site's units have no history: a warning to accept).
    'occupancyReport.get': { month: '2026-02' },
    'occupancyReport.draft': { date: '2026-03-01' },
    'occupancyReport.units': { month: '2026-02', figure: 'notHandedOver', buildingId: site.buildingId },
    'occupancyReport.export': { month: '2026-02', format: 'xlsx', lang: 'zh-CN' },
    'occupancyReport.accept': { month: '2026-02', kind: 'noHistory', subjectId: site.buildingId, reason: '新楼，尚未交房' },
    'occupancyReport.finalise': { month: '2026-02' },
    'occupancyReport.revise': { month: '2026-02', reason: '补录退租' },
    // Repairs and callbacks: a real intake to create; the other steps aim at an order or callback that does not exist.
    'repairs.list': { q: '1-101' },
    'repairs.get': { id: other.missingId },
    'repairs.create': {
      place: { kind: 'unit', unitId: site.unitId }, reporterName: '张三', reporterPhone: '13812345678', reportedAt: '2026-03-15T04:00:00.000Z',
      category: 'water', description: '厨房水龙头漏水', urgent: false, paid: false,
    },
    'repairs.dispatch': { id: other.missingId, notifiedName: '工程部刘工', notifiedAt: '2026-03-15T04:00:00.000Z' },
    'repairs.pickUp': { id: other.missingId, technician: 'liu', signedAt: '2026-03-15T04:00:00.000Z' },
    'repairs.chase': { id: other.missingId, notifiedName: '工程部刘工' },
    'repairs.complete': { id: other.missingId, workDone: '更换水龙头', requesterSign: 'paper', finishedAt: '2026-03-15T04:00:00.000Z' },
    'repairs.collect': { id: other.missingId, receipt: 'R-0001' },
    'repairs.waive': { id: other.missingId, reason: '业主困难' },
    'repairs.void': { id: other.missingId, reason: '测试' },
    'repairs.endOfDay': { date: '2026-03-15' },
    'repairs.endOfDayPdf': { date: '2026-03-15', lang: 'zh-CN' },
    'repairs.stats': { month: '2026-03' },
    'repairs.statsExport': { month: '2026-03', lang: 'zh-CN' },
    'callbacks.list': {},
    'callbacks.get': { id: other.missingId },
    'callbacks.attempt': { callbackId: other.missingId, channel: 'phone', at: '2026-03-15T04:00:00.000Z', reached: false },
    'callbacks.rate': { from: '2026-03-01', to: '2026-03-31' },
    'callbacks.reveal': { id: other.missingId },
    'decoration.list': { search: '1-101' },
    'decoration.get': { id: other.missingId },
    'decoration.create': {
      unitId: other.missingId,
      applicant: { kind: 'owner', name: '张三', phone: '13800138000' },
      contractor: { self: true },
      workFrom: '2026-03-16',
      workTo: '2026-05-15',
      workers: 3,
      description: '厨卫翻新',
    },
    'decoration.update': { id: other.missingId, applicant: { kind: 'owner', name: '张三', phone: '13800138000' }, contractor: { self: true }, workFrom: '2026-03-16', workTo: '2026-05-15', workers: 3, description: '厨卫翻新' },
    'decoration.check': { id: other.missingId, kind: 'document', code: 'plan', done: true },
    'decoration.tellGov': { id: other.missingId },
    'decoration.pay': { id: other.missingId, receipt: 'R-0001' },
    'decoration.submit': { id: other.missingId },
    'decoration.approve': { id: other.missingId },
    'decoration.reject': { id: other.missingId, reason: '图纸不全' },
    'decoration.protect': { id: other.missingId, by: '工程部刘工' },
    'decoration.issuePermit': { id: other.missingId },
    'decoration.addPass': { id: other.missingId, name: '王五', idNumber: '110101199003071234', phone: '13900139000', validFrom: '2026-03-16', validTo: '2026-04-15' },
    'decoration.revokePass': { passId: other.missingId, reason: '已离场' },
    'decoration.patrol': { id: other.missingId, date: '2026-03-16', department: 'security', by: '保安李' },
    'decoration.violation': { id: other.missingId, date: '2026-03-16', severity: 'minor', description: '楼道堆放材料', warnedWho: '施工负责人' },
    'decoration.noticeCall': { violationId: other.missingId, who: 'owner' },
    'decoration.noticeSigned': { violationId: other.missingId },
    'decoration.penalty': { violationId: other.missingId, amountFen: 50000 },
    'decoration.rectified': { violationId: other.missingId },
    'decoration.hotWork': { id: other.missingId, from: '2026-03-16T01:00:00.000Z', to: '2026-03-16T08:00:00.000Z', location: '厨房', fireWatch: '保安李', approvedBy: '工程部刘工' },
    'decoration.requestInspection': { id: other.missingId },
    'decoration.inspect': { id: other.missingId, engineeringBy: '刘工', securityBy: '李队' },
    'decoration.closeProblem': { problemId: other.missingId },
    'decoration.prepareRefund': {
      id: other.missingId,
      requestedBy: 'owner',
      checks: { commonArea: { ok: true }, neighbours: { ok: true }, leaks: { ok: true }, violations: { ok: true } },
      utilitiesFen: 0,
      signedByOwner: true,
      signedByContractor: true,
      signedByManager: true,
    },
    'decoration.payOut': { id: other.missingId, receipt: 'R-0002' },
    'decoration.void': { id: other.missingId, reason: '测试' },
    'decoration.reveal': { id: other.missingId, field: 'applicantPhone' },
    'passes.check': { number: 'CR-2026-000001' },
    'decoration.ledger': {},
    'decoration.ledgerExport': { lang: 'zh-CN' },
    'moveIn.list': { search: '1-101' },
    'moveIn.get': { id: other.missingId },
    'moveIn.create': { unitId: other.missingId, ownerIds: [site.personId] },
    'moveIn.identity': { id: other.missingId, idDocumentSeen: true, purchaseContractSeen: true, noticeSeen: true, noticeDate: '2026-03-01' },
    'moveIn.overrideFee': { id: other.missingId, propertyFeeFen: 60000, reason: '开发商优惠' },
    'moveIn.confirmFees': { id: other.missingId, receipt: 'SK-0001' },
    'moveIn.copies': { id: other.missingId, items: ['id_card', 'bank_card'] },
    'moveIn.archive': { id: other.missingId, bankAgreement: true, fireSafetyAgreement: true, documentReceipt: true, emergencyMobile: '13900139000', birthday: '1980-01-01' },
    'moveIn.keys': { id: other.missingId, keys: [{ kind: 'entrance', count: 3 }], signature: { mode: 'paper' } },
    'moveIn.inspect': { id: other.missingId, date: '2026-03-15', engineeringBy: '刘工', items: [], meters: [] },
    'moveIn.handover': { id: other.missingId, outcome: 'handed_over', date: '2026-03-15' },
    'moveIn.void': { id: other.missingId, reason: '测试' },
    'moveIn.rectifications': { queue: 'open' },
    'moveIn.rectFixed': { itemId: other.missingId },
    'moveIn.rectAccepted': { itemId: other.missingId },
    'moveIn.rectReopen': { itemId: other.missingId, reason: '仍漏水' },
    'moveIn.register': { buildingId: site.buildingId },
    'moveIn.printRegister': { buildingId: site.buildingId, lang: 'zh-CN' },
    'moveIn.importPreview': { fileName: 'notices.csv', contentBase64: b64('房号,业主,入伙日期\n9-901,赵六,2026-03-01\n') },
    'moveIn.importCommit': { batchId: other.missingId, onlyValid: true },
    'moveIn.notices': {},
    'moveIn.batches': {},
    'movingIn.list': {},
    'movingIn.get': { id: other.missingId },
    'movingIn.create': { unitId: other.missingId, occupant: 'owner', date: '2026-03-15', personId: site.personId },
    'movingIn.receipt': { id: other.missingId, department: 'security', receivedBy: '保安李' },
    'movingIn.void': { id: other.missingId, reason: '测试' },
  };
}

const SLIP_DRAFT = (site: Site): ChannelInput<'slips.create'> => ({
  unitId: site.unitId,
  nature: 'temporary',
  reason: '送修',
  carrier: { type: 'owner', personId: site.personId, name: '张三', phone: '13812345678' },
  items: [{ name: '电视机', quantity: 1, unitOfCount: '台' }],
});

/** A valid v7 id that no record has. */
export const MISSING_ID = '01890000-0000-7000-8000-000000000000';

/**
 * A digest of every table, for "the database is unchanged": the row count and a hash of all rows.
 * Bookkeeping that a refused call may legitimately write is left out: the audit log (reads of PII are
 * audited) and the sign-in counters of users.
 */
export function digest(db: Db): Record<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Record<string, string> = {};
  for (const t of tables) {
    if (t === 'audit_log') continue;
    let cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).map((c) => `"${c}"`);
    if (t === 'users') cols = cols.filter((c) => c !== '"failed_attempts"' && c !== '"locked_until"');
    const rows = db.prepare(`SELECT ${cols.join(', ')} FROM "${t}" ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`).raw().all();
    out[t] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
  }
  return out;
}
