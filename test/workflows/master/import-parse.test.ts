import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, it, expect } from 'vitest';
import { parseImportFile } from '../../../electron/workflows/master/import/parse';
import { checkIdNumber } from '../../../electron/workflows/master/import/id-number';
import { isValidCreditCode as isValidUscc, residentIdCheckDigit as residentIdCheckChar } from '../../../shared/master/id-number';
import { checkArea, checkDate, checkFloor, checkPhone } from '../../../electron/workflows/master/import/values';
import type { ImportRow } from '../../../shared/master/import-schema';

// Valid mainland IDs (GB 11643 check digit verified by hand): the standard sample and one with check digit 5.
const ID_A = '11010519491231002X';
const ID_B = '440308199003071235';
const ID_BAD_CHECKSUM = '440308199003071234';
// A real unified social credit code (valid GB 32100 check character).
const USCC = '9144030071526726XG';

const utf8 = (text: string, bom = false): Uint8Array => {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
};

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}

function row(partial: Partial<ImportRow> & Pick<ImportRow, 'line' | 'buildingCode' | 'unitCode'>): ImportRow {
  return {
    buildingName: null,
    use: 'residential',
    floor: null,
    areaM2: null,
    state: null,
    owner: null,
    tenant: null,
    tenancyStart: null,
    ...partial,
  };
}

describe('test data sanity', () => {
  it('uses IDs whose check characters are right', () => {
    expect(residentIdCheckChar(ID_A.slice(0, 17))).toBe('X');
    expect(residentIdCheckChar(ID_B.slice(0, 17))).toBe('5');
    // Every possible check character, against values computed by an independent implementation.
    expect(residentIdCheckChar('44052418800101001')).toBe('4'); // GB 11643-1999 example
    expect(Array.from({ length: 10 }, (_, d) => residentIdCheckChar(`1101051990010100${d}`)).join('')).toBe('2097531X86');
    expect(isValidUscc(USCC)).toBe(true);
    for (const real of ['914403001922038216', '91330100716105852F', '91110108551385082Q']) expect(isValidUscc(real)).toBe(true);
    expect(isValidUscc('9144030071526726XA')).toBe(false);
  });
});

describe('parseImportFile — CSV', () => {
  it('parses a good UTF-8 CSV (with BOM) with every kind of column', async () => {
    const csv = [
      '楼栋,单元,房号,用途,楼层,建筑面积（㎡）,房屋状态,业主姓名,业主电话,身份证号,租户,租户电话,起租日期',
      `3,2,1502,住宅,15层,"1,234.5",自住,张伟,+86 138-1234-5678,${ID_A},,,`,
      `3,2,1503,写字楼,B1,88.00㎡,出租,李娜,010 1234 5678,${ID_B.slice(0, 17)}5,王强,13912345678,2026年1月5日`,
      '3号楼,,1504,,,,,,,,,,',
      '',
    ].join('\r\n');
    const r = await parseImportFile('owners.csv', utf8(csv, true));
    expect(r.fileErrors).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe('utf-8');
    expect(r.headerLine).toBe(1);
    expect(r.totalLines).toBe(3);
    expect(r.columns).toEqual({
      buildingCode: '楼栋',
      unitNo: '单元',
      unitCode: '房号',
      use: '用途',
      floor: '楼层',
      areaM2: '建筑面积（㎡）',
      state: '房屋状态',
      ownerName: '业主姓名',
      ownerPhone: '业主电话',
      ownerId: '身份证号',
      tenantName: '租户',
      tenantPhone: '租户电话',
      tenancyStart: '起租日期',
    });
    expect(r.rows).toEqual([
      row({
        line: 2,
        buildingCode: '3',
        unitCode: '3-2-1502',
        floor: 15,
        areaM2: 1234.5,
        state: 'owner_occupied',
        owner: { name: '张伟', kind: 'person', phone: '13812345678', idType: 'resident_id', idNumber: ID_A, contactPerson: null, birthday: '1949-12-31', birthdayFromId: true },
      }),
      row({
        line: 3,
        buildingCode: '3',
        unitCode: '3-2-1503',
        use: 'office',
        floor: -1,
        areaM2: 88,
        state: 'rented',
        owner: { name: '李娜', kind: 'person', phone: '01012345678', idType: 'resident_id', idNumber: ID_B, contactPerson: null, birthday: '1990-03-07', birthdayFromId: true },
        tenant: { name: '王强', kind: 'person', phone: '13912345678', idType: null, idNumber: null, contactPerson: null },
        tenancyStart: '2026-01-05',
      }),
      // "3号楼" → building code 3, kept as the building name; no 单元 → 3-1504; no 楼层 → 15 from the room; no 用途 → residential.
      row({ line: 4, buildingCode: '3', buildingName: '3号楼', unitCode: '3-1504', floor: 15, floorFromCode: true, useDefaulted: true }),
    ]);
  });

  it('accepts tab- and semicolon-delimited text and CSV without BOM', async () => {
    const tab = await parseImportFile('units.txt', utf8('房屋编号\t业主\n1-101\t张三\n1-102\t李四\n'));
    expect(tab.rows.map((x) => [x.line, x.unitCode, x.buildingCode, x.owner?.name])).toEqual([
      [2, '1-101', '1', '张三'],
      [3, '1-102', '1', '李四'],
    ]);
    const semi = await parseImportFile('units.csv', utf8('标题\nunit;owner name;phone\nA-0101;Zhang San;13812345678\n'));
    expect(semi.headerLine).toBe(2);
    expect(semi.rows).toEqual([
      row({
        line: 3,
        buildingCode: 'A',
        unitCode: 'A-0101',
        floor: 1,
        floorFromCode: true,
        useDefaulted: true,
        owner: { name: 'Zhang San', kind: 'person', phone: '13812345678', idType: null, idNumber: null, contactPerson: null },
      }),
    ]);
  });

  it('reads Excel "Unicode text" (UTF-16LE, tab-delimited)', async () => {
    const text = '房号\t业主\r\n2-301\t陈晨\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const r = await parseImportFile('export.txt', bytes);
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows.map((x) => [x.line, x.buildingCode, x.unitCode, x.owner?.name])).toEqual([[2, '2', '2-301', '陈晨']]);
  });

  it('decodes a GBK/GB18030 CSV saved by Chinese Excel and composes building-单元-房号', async () => {
    const data = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/import/gbk-owners.csv', import.meta.url))));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
    const r = await parseImportFile('gbk-owners.csv', data);
    expect(r.fileErrors).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe('gb18030');
    expect(r.headerLine).toBe(2);
    expect(r.columns).toEqual({ buildingCode: '楼栋', unitNo: '单元', unitCode: '房号', ownerName: '业主姓名', ownerPhone: '联系电话' });
    expect(r.rows.map((x) => [x.line, x.unitCode, x.owner?.name, x.owner?.kind, x.owner?.phone])).toEqual([
      [3, '3-2-1502', '张伟', 'person', '13812345678'],
      [4, '3-2-1503', '欧阳娜娜', 'person', '075512345678'],
      [5, '5-1-101', '深圳市阳光物业管理有限公司', 'company', '4008001234'],
    ]);
  });

  it('reports bad rows with the spreadsheet line, column as written and code', async () => {
    const csv = [
      '阳光花园业主信息登记表,,,,,',
      ',,,,,',
      '楼栋,房号,用途,业主,联系电话,身份证号码',
      `1,101,住宅,张三,13812345678,${ID_A}`, // line 4 ok
      `1,102,住宅,李四,1381234567,${ID_B}`, // line 5 bad phone (10 digits)
      `1,103,住宅,王五,13812345678,${ID_BAD_CHECKSUM}`, // line 6 bad checksum
      '1,104,住宅,赵六,13812345678,4.40308E+17', // line 7 mangled by Excel
      `1,101,住宅,孙七,13812345678,${ID_B}`, // line 8 duplicate of line 4
      '1,105,别墅,周八,13812345678,', // line 9 bad use
      ',,,,,', // blank: skipped
      '1,,住宅,吴九,,', // line 11 missing unit code
      `1,106,商铺,郑十,021-87654321 ,${ID_B.slice(0, 15)}000`, // line 12 18-digit ending 000 that fails: mangled
      '1,107,,钱一,abc,', // line 13 bad phone
      '1,108,公寓,,,', // line 14 ok, no owner
      '合计,8,,,,', // summary row: skipped
    ].join('\n');
    const r = await parseImportFile('bad.csv', utf8(csv));
    expect(r.fileErrors).toEqual([]);
    expect(r.headerLine).toBe(3);
    expect(r.errors).toEqual([
      { line: 5, column: '联系电话', code: 'import.error.badPhone', params: { value: '1381234567' } },
      { line: 6, column: '身份证号码', code: 'import.error.badIdChecksum' },
      { line: 7, column: '身份证号码', code: 'import.error.idMangledByExcel' },
      { line: 8, column: '房号', code: 'import.error.duplicateUnit', params: { firstLine: 4, unit: '1-101' } },
      { line: 9, column: '用途', code: 'import.error.badUse', params: { value: '别墅' } },
      { line: 11, column: '房号', code: 'import.error.required' },
      { line: 12, column: '身份证号码', code: 'import.error.idMangledByExcel' },
      { line: 13, column: '联系电话', code: 'import.error.badPhone', params: { value: 'abc' } },
    ]);
    expect(r.rows.map((x) => [x.line, x.unitCode, x.use, x.owner?.name ?? null])).toEqual([
      [4, '1-101', 'residential', '张三'],
      [14, '1-108', 'business_apartment', null],
    ]);
    expect(r.totalLines).toBe(10);
  });

  it('collects every problem of a row, and rejects bad state/area/floor/date/text', async () => {
    const csv = [
      '房号,面积,楼层,状态,业主,租户,起租日期',
      '1-101,-5,十五,住了,张三,李四,2026-02-30',
      '1-102,100000,301,空置,"张\u0007三",,2026/13/1',
      `1-103,12.5平米,3F,装修中,${'长'.repeat(101)},,`,
      '1-104,99.9 m²,第4层,未交房,,李四,2026.1.5',
      '1-105,88.888,,,,,',
    ].join('\n');
    const r = await parseImportFile('x.csv', utf8(csv));
    expect(r.errors).toEqual([
      { line: 2, column: '面积', code: 'import.error.badArea', params: { value: '-5' } },
      { line: 2, column: '楼层', code: 'import.error.badFloor', params: { value: '十五' } },
      { line: 2, column: '状态', code: 'import.error.badState', params: { value: '住了' } },
      { line: 2, column: '起租日期', code: 'import.error.badDate', params: { value: '2026-02-30' } },
      { line: 3, column: '面积', code: 'import.error.badArea', params: { value: '100000' } },
      { line: 3, column: '楼层', code: 'import.error.badFloor', params: { value: '301' } },
      { line: 3, column: '业主', code: 'import.error.badText' },
      { line: 3, column: '起租日期', code: 'import.error.badDate', params: { value: '2026/13/1' } },
      { line: 4, column: '业主', code: 'import.error.tooLong', params: { max: 100 } },
      // More than two decimals: refused rather than rounded (the unit form could not save it afterwards).
      { line: 6, column: '面积', code: 'import.error.badArea', params: { value: '88.888' } },
    ]);
    // A tenant without an owner is allowed.
    expect(r.rows).toEqual([
      row({
        line: 5,
        buildingCode: '1',
        unitCode: '1-104',
        areaM2: 99.9,
        floor: 4,
        useDefaulted: true,
        state: 'not_handed_over',
        tenant: { name: '李四', kind: 'person', phone: null, idType: null, idNumber: null, contactPerson: null },
        tenancyStart: '2026-01-05',
      }),
    ]);
  });

  it('reports missing columns, a missing header and empty files at file level', async () => {
    const noUnit = await parseImportFile('a.csv', utf8('楼栋,业主,电话\n1,张三,13812345678\n'));
    expect(noUnit.fileErrors).toEqual([{ line: 1, column: null, code: 'import.error.missingColumns', params: { columns: '房号 / unit' } }]);
    expect(noUnit.rows).toEqual([]);

    const noHeader = await parseImportFile('b.csv', utf8('编号,金额,备注\n1,100,x\n2,200,y\n'));
    expect(noHeader.fileErrors).toEqual([{ line: 0, column: null, code: 'import.error.noHeader' }]);

    // 电话 without any owner/tenant name column: the phone would have nobody to belong to.
    const noName = await parseImportFile('c.csv', utf8('房号,电话\n1-101,13812345678\n'));
    expect(noName.fileErrors).toEqual([{ line: 1, column: null, code: 'import.error.missingColumns', params: { columns: '业主 / owner' } }]);

    for (const [name, data] of [
      ['zero.csv', new Uint8Array(0)],
      ['blank.csv', utf8('\r\n,,,\r\n\r\n')],
      ['bom-only.csv', utf8('', true)],
    ] as const) {
      const r = await parseImportFile(name, data);
      expect(r.fileErrors, name).toEqual([{ line: 0, column: null, code: 'import.error.empty' }]);
    }
    const headerOnly = await parseImportFile('h.csv', utf8('楼栋,房号,业主\n,,\n'));
    expect(headerOnly.fileErrors).toEqual([{ line: 1, column: null, code: 'import.error.empty' }]);
    expect(headerOnly.headerLine).toBe(1);
  });

  it('detects company owners, credit codes, contact people and explicit document types', async () => {
    const csv = [
      '房号,业主名称,证件类型,证件号码,联系人,联系电话,租户,租户证件号',
      `A-101,深圳市腾讯计算机系统有限公司,,${USCC},马化腾,0755-86013388,,`,
      `A-102,王小明,护照,E12345678,,,,`,
      `A-103,Acme Trading Co. Ltd,营业执照,9144030071526726XA,,,,`,
      `A-104,李雷,,${ID_A.toLowerCase()},,,韩梅梅,${ID_B}`,
      `A-105,某某,港澳通行证,H12,,,,`,
      `A-106,星星,火星证,123456,,,,`,
    ].join('\n');
    const r = await parseImportFile('c.csv', utf8(csv));
    expect(r.columns).toEqual({
      unitCode: '房号',
      ownerName: '业主名称',
      ownerIdType: '证件类型',
      ownerId: '证件号码',
      ownerContactPerson: '联系人',
      ownerPhone: '联系电话',
      tenantName: '租户',
      tenantId: '租户证件号',
    });
    expect(r.rows.map((x) => [x.unitCode, x.owner, x.tenant])).toEqual([
      [
        'A-101',
        { name: '深圳市腾讯计算机系统有限公司', kind: 'company', phone: '075586013388', idType: 'business_license', idNumber: USCC, contactPerson: '马化腾' },
        null,
      ],
      ['A-102', { name: '王小明', kind: 'person', phone: null, idType: 'passport', idNumber: 'E12345678', contactPerson: null }, null],
      [
        'A-104',
        { name: '李雷', kind: 'person', phone: null, idType: 'resident_id', idNumber: ID_A, contactPerson: null, birthday: '1949-12-31', birthdayFromId: true },
        { name: '韩梅梅', kind: 'person', phone: null, idType: 'resident_id', idNumber: ID_B, contactPerson: null, birthday: '1990-03-07', birthdayFromId: true },
      ],
    ]);
    expect(r.errors).toEqual([
      { line: 4, column: '证件号码', code: 'import.error.badIdChecksum' },
      { line: 6, column: '证件号码', code: 'import.error.badId' },
      { line: 7, column: '证件类型', code: 'import.error.badIdType', params: { value: '火星证' } },
    ]);
  });

  it('recognises a company by a valid credit code even when the name does not say so', async () => {
    const r = await parseImportFile('c.csv', utf8(`房号,业主,身份证号\n1-1,腾讯计算机系统,${USCC}\n`));
    expect(r.rows[0].owner).toEqual({ name: '腾讯计算机系统', kind: 'company', phone: null, idType: 'business_license', idNumber: USCC, contactPerson: null });
  });

  it('keeps a 房号 that already holds the full code, prefixes the building otherwise', async () => {
    const csv = ['楼栋,房号', '3,3-2-1502', '3,2-1503', '3栋,1504室', ',7-101', ',808', '1栋,1栋2单元1502室', ',A座1201', '2,1栋101'].join('\n');
    const r = await parseImportFile('c.csv', utf8(csv));
    expect(r.rows.map((x) => [x.line, x.buildingCode, x.buildingName, x.unitCode])).toEqual([
      [2, '3', null, '3-2-1502'],
      [3, '3', null, '3-2-1503'],
      [4, '3', '3栋', '3-1504'],
      [5, '7', null, '7-101'],
      [7, '1', '1栋', '1-2-1502'],
      [8, 'A', null, 'A-1201'],
    ]);
    expect(r.errors).toEqual([
      { line: 6, column: '楼栋', code: 'import.error.noBuilding', params: { unit: '808' } },
      { line: 9, column: '房号', code: 'import.error.buildingMismatch', params: { building: '2', unit: '1栋101' } },
    ]);
  });

  it('understands a two-row header (group labels above field names)', async () => {
    const csv = ['楼栋,房号,业主信息,,,租户信息,', ',,姓名,电话,身份证号,姓名,电话', `1,101,张三,13812345678,${ID_A},李四,13912345678`].join('\n');
    const r = await parseImportFile('two.csv', utf8(csv));
    expect(r.headerLine).toBe(1);
    expect(r.columns).toEqual({
      buildingCode: '楼栋',
      unitCode: '房号',
      ownerName: '业主信息/姓名',
      ownerPhone: '业主信息/电话',
      ownerId: '业主信息/身份证号',
      tenantName: '租户信息/姓名',
      tenantPhone: '租户信息/电话',
    });
    expect(r.rows.map((x) => [x.line, x.unitCode, x.owner?.name, x.owner?.idNumber, x.tenant?.name, x.tenant?.phone])).toEqual([
      [3, '1-101', '张三', ID_A, '李四', '13912345678'],
    ]);
  });

  it('understands group labels above the field names', async () => {
    const csv = ['房屋信息,,租户信息,', '楼栋,房号,姓名,电话', '1,101,张三,13812345678'].join('\n');
    const r = await parseImportFile('grp.csv', utf8(csv));
    expect(r.headerLine).toBe(1);
    expect(r.columns).toEqual({ buildingCode: '楼栋', unitCode: '房号', tenantName: '租户信息/姓名', tenantPhone: '租户信息/电话' });
    expect(r.rows.map((x) => [x.line, x.unitCode, x.owner, x.tenant?.name, x.tenant?.phone])).toEqual([[3, '1-101', null, '张三', '13812345678']]);
  });

  it('reports an unterminated quote on the row where it starts', async () => {
    const r = await parseImportFile('q.csv', utf8('房号,业主\n1-1,张三\n1-2,"李四\n1-3,王五\n'));
    expect(r.rows.map((x) => x.unitCode)).toEqual(['1-1']);
    expect(r.errors).toEqual([{ line: 3, column: null, code: 'import.error.badQuotes' }]);
  });

  it('assigns generic 电话 columns to the tenant when they follow the tenant column', async () => {
    const r = await parseImportFile('g.csv', utf8('房号,业主,电话,租户,电话\n1-1,张三,13812345678,李四,13912345678\n'));
    expect(r.columns).toEqual({ unitCode: '房号', ownerName: '业主', ownerPhone: '电话', tenantName: '租户', tenantPhone: '电话' });
    expect([r.rows[0].owner?.phone, r.rows[0].tenant?.phone]).toEqual(['13812345678', '13912345678']);
  });
});

describe('parseImportFile — XLSX', () => {
  it('parses a workbook with a merged title row, blank row and typed cells', async () => {
    const data = await xlsxBytes((wb) => {
      const notes = wb.addWorksheet('说明');
      notes.addRow(['请按模板填写']);
      const ws = wb.addWorksheet('业主');
      ws.addRow(['阳光花园业主信息登记表']);
      ws.mergeCells('A1:J1');
      ws.addRow([]);
      ws.addRow(['楼栋', '单元', '房号', '用途', '楼层', '建筑面积\n(m²)', '房屋动态', '业主姓名：', '手机号', '身份证号']);
      // Header with rich text, like WPS writes when part of a header is bold/red.
      ws.getCell('J3').value = { richText: [{ text: '身份证' }, { text: '号', font: { bold: true } }] };
      ws.addRow([3, 2, 1502, '住宅', 15, 120.5, '出租', '张伟', 13812345678, ID_A]);
      ws.addRow([3, 2, 1503, '商铺', { formula: 'E4+1', result: 16 }, { formula: 'F4*2', result: 241 }, '空置', { text: '李娜', hyperlink: 'mailto:li@example.com' }, '13912345678', ID_B]);
      ws.addRow([]);
      ws.addRow([5, 1, 101, '住宅', 1, 90, '', '王强', 13700000000, 110105194912310021]); // numeric ID: digits lost
      ws.addRow(['合计', '', '', '', '', 451.5]);
    });
    const progress: Array<[number, number]> = [];
    const r = await parseImportFile('阳光花园.xlsx', data, { onProgress: (done, total) => progress.push([done, total]) });
    expect(r.fileErrors).toEqual([]);
    expect(r.encoding).toBeNull();
    expect(r.headerLine).toBe(3);
    expect(r.columns).toEqual({
      buildingCode: '楼栋',
      unitNo: '单元',
      unitCode: '房号',
      use: '用途',
      floor: '楼层',
      areaM2: '建筑面积 (m²)',
      state: '房屋动态',
      ownerName: '业主姓名：',
      ownerPhone: '手机号',
      ownerId: '身份证号',
    });
    expect(r.rows).toEqual([
      row({
        line: 4,
        buildingCode: '3',
        unitCode: '3-2-1502',
        floor: 15,
        areaM2: 120.5,
        state: 'rented',
        owner: { name: '张伟', kind: 'person', phone: '13812345678', idType: 'resident_id', idNumber: ID_A, contactPerson: null, birthday: '1949-12-31', birthdayFromId: true },
      }),
      row({
        line: 5,
        buildingCode: '3',
        unitCode: '3-2-1503',
        use: 'shop',
        floor: 16,
        areaM2: 241,
        state: 'vacant',
        owner: { name: '李娜', kind: 'person', phone: '13912345678', idType: 'resident_id', idNumber: ID_B, contactPerson: null, birthday: '1990-03-07', birthdayFromId: true },
      }),
    ]);
    expect(r.errors).toEqual([{ line: 7, column: '身份证号', code: 'import.error.idMangledByExcel' }]);
    expect(r.totalLines).toBe(3);
    expect(progress.at(-1)).toEqual([5, 5]);
  });

  it('reads Excel date cells, serial numbers and formula errors', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['房号', '租户', '起租日期']);
      ws.addRow(['1-101', '甲', new Date(Date.UTC(2026, 0, 5))]);
      ws.getCell('C2').numFmt = 'yyyy/m/d';
      ws.addRow(['1-102', '乙', 46028]); // serial number of 2026-01-06 without a date format
      ws.addRow(['1-103', { formula: 'VLOOKUP(A4,X:Y,2,0)', result: { error: '#N/A' } }, '2026-01-07']);
    });
    const r = await parseImportFile('d.xlsx', data);
    expect(r.rows.map((x) => [x.line, x.tenant?.name, x.tenancyStart])).toEqual([
      [2, '甲', '2026-01-05'],
      [3, '乙', '2026-01-06'],
    ]);
    expect(r.errors).toEqual([{ line: 4, column: '租户', code: 'import.error.formulaError', params: { value: '#N/A' } }]);
  });

  it('skips sheets without a header and reports files it cannot use', async () => {
    const wrong = await xlsxBytes((wb) => {
      wb.addWorksheet('A').addRow(['姓名', '金额']);
      wb.addWorksheet('B').addRow(['楼栋', '业主', '电话']);
    });
    expect((await parseImportFile('w.xlsx', wrong)).fileErrors).toEqual([
      { line: 1, column: null, code: 'import.error.missingColumns', params: { columns: '房号 / unit' } },
    ]);
    const none = await xlsxBytes((wb) => {
      wb.addWorksheet('A').addRow(['日期', '金额']);
    });
    expect((await parseImportFile('n.xlsx', none)).fileErrors).toEqual([{ line: 0, column: null, code: 'import.error.noHeader' }]);
    const blank = await xlsxBytes((wb) => {
      wb.addWorksheet('A');
    });
    expect((await parseImportFile('b.xlsx', blank)).fileErrors).toEqual([{ line: 0, column: null, code: 'import.error.empty' }]);
  });

  it('rejects old .xls, unknown formats and corrupt workbooks without throwing', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await parseImportFile('old.xls', ole)).fileErrors.map((e) => e.code)).toEqual(['import.error.xlsNotSupported']);
    expect((await parseImportFile('renamed.xlsx', ole)).fileErrors.map((e) => e.code)).toEqual(['import.error.xlsNotSupported']);
    expect((await parseImportFile('a.pdf', utf8('%PDF'))).fileErrors).toEqual([
      { line: 0, column: null, code: 'import.error.unsupportedFormat', params: { ext: 'pdf' } },
    ]);
    expect((await parseImportFile('noext', utf8('房号'))).fileErrors.map((e) => e.code)).toEqual(['import.error.unsupportedFormat']);
    const good = await xlsxBytes((wb) => wb.addWorksheet('A').addRow(['房号', '业主']));
    const truncated = good.slice(0, Math.floor(good.length / 2));
    const r = await parseImportFile('broken.xlsx', truncated);
    expect(r.fileErrors.map((e) => e.code)).toEqual(['import.error.unreadable']);
    expect(r.rows).toEqual([]);
    expect((await parseImportFile('text.xlsx', utf8('楼栋,房号\n1,101'))).fileErrors.map((e) => e.code)).toEqual(['import.error.unreadable']);
  });

  it('parses 50,000 rows in a few seconds', async () => {
    const N = 50_000;
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('业主');
      ws.addRow(['阳光花园业主信息登记表']);
      ws.mergeCells('A1:I1');
      ws.addRow(['楼栋', '单元', '房号', '用途', '楼层', '建筑面积', '房屋状态', '业主姓名', '联系电话', '身份证号']);
      for (let i = 0; i < N; i++) {
        const building = 1 + (i % 40);
        const floor = 1 + (Math.floor(i / 40) % 30);
        const room = `${floor}${String(1 + Math.floor(i / 1200)).padStart(2, '0')}`;
        ws.addRow([building, 1 + (Math.floor(i / 40) % 3), room, i % 10 === 0 ? '商铺' : '住宅', floor, 89.5, '自住', `业主${i}`, `138${String(i).padStart(8, '0')}`, i % 2 ? ID_A : ID_B]);
      }
    });
    let calls = 0;
    const t0 = performance.now();
    const r = await parseImportFile('big.xlsx', data, { onProgress: () => calls++ });
    const ms = performance.now() - t0;
    console.log(`parsed ${N} xlsx rows (${(data.length / 1024 / 1024).toFixed(1)} MB) in ${ms.toFixed(0)} ms`);
    expect(r.fileErrors).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.rows.length).toBe(N);
    expect(r.totalLines).toBe(N);
    expect(r.rows[0]).toEqual(
      row({
        line: 3,
        buildingCode: '1',
        unitCode: '1-1-101',
        use: 'shop',
        floor: 1,
        areaM2: 89.5,
        state: 'owner_occupied',
        owner: { name: '业主0', kind: 'person', phone: '13800000000', idType: 'resident_id', idNumber: ID_B, contactPerson: null, birthday: '1990-03-07', birthdayFromId: true },
      }),
    );
    expect(r.rows[N - 1].line).toBe(N + 2);
    expect(r.rows[N - 1].owner?.name).toBe(`业主${N - 1}`);
    expect(calls).toBeGreaterThanOrEqual(50);
    // Throughput is measured by `npm run bench` (import of 50,000 rows); here only correctness.
  }, 120_000);
});

describe('cell value rules', () => {
  it('normalises phone numbers', () => {
    const ok = (text: string, num?: number): string | null => {
      const r = checkPhone(num === undefined ? { text } : { text, num });
      return r.ok ? r.value : `ERR:${r.code}`;
    };
    expect(ok('13812345678', 13812345678)).toBe('13812345678');
    expect(ok('+86 138 1234 5678')).toBe('13812345678');
    expect(ok('8613812345678')).toBe('13812345678');
    expect(ok('0086-13812345678')).toBe('13812345678');
    expect(ok('0755-12345678')).toBe('075512345678');
    expect(ok('(010) 1234 5678')).toBe('01012345678');
    expect(ok('+86 755 1234 5678')).toBe('075512345678');
    expect(ok('400-800-1234')).toBe('4008001234');
    expect(ok('')).toBeNull();
    expect(ok('12812345678')).toBe('ERR:import.error.badPhone');
    expect(ok('12345678')).toBe('ERR:import.error.badPhone');
    expect(ok('+1 415 555 0100')).toBe('ERR:import.error.badPhone');
    expect(ok('13812345678/13912345678')).toBe('ERR:import.error.badPhone');
  });

  it('validates resident IDs, 15-digit IDs and mangled numbers', () => {
    const today = new Date(Date.UTC(2026, 0, 1));
    const code = (text: string, num?: number): string => {
      const r = checkIdNumber(num === undefined ? { text } : { text, num }, null, false, today);
      return r === null ? 'empty' : r.ok ? `${r.idType}:${r.idNumber}` : r.code;
    };
    expect(code(ID_A)).toBe(`resident_id:${ID_A}`);
    expect(code(' 11010519491231002x ')).toBe(`resident_id:${ID_A}`);
    expect(code('110105491231002')).toBe('resident_id:110105491231002');
    expect(code('110105491331002')).toBe('import.error.badIdBirthDate');
    expect(code(ID_BAD_CHECKSUM)).toBe('import.error.badIdChecksum');
    expect(code('1.10105E+17')).toBe('import.error.idMangledByExcel');
    expect(code('110105194912310000', 110105194912310000)).toBe('import.error.idMangledByExcel');
    expect(code('110105194912310000')).toBe('import.error.idMangledByExcel');
    expect(code('1101051949123100')).toBe('import.error.badId');
    expect(code('E12345678')).toBe('import.error.badId');
    expect(code('')).toBe('empty');
    // Born after "today": not plausible (check digit computed for this prefix).
    const future = '11010520300101001';
    expect(code(future + residentIdCheckChar(future))).toBe('import.error.badIdBirthDate');
  });

  it('parses dates, areas and floors', () => {
    const d = (text: string, num?: number): string | null => {
      const r = checkDate(num === undefined ? { text } : { text, num });
      return r.ok ? r.value : 'bad';
    };
    expect([d('2026-01-05'), d('2026/1/5'), d('2026.1.5'), d('2026年1月5日'), d('20260105'), d('2026-1-5 00:00:00')]).toEqual([
      '2026-01-05', '2026-01-05', '2026-01-05', '2026-01-05', '2026-01-05', '2026-01-05',
    ]);
    expect([d('46027', 46027), d('46028'), d('2026-02-29'), d('1/5/2026'), d('')]).toEqual(['2026-01-05', '2026-01-06', 'bad', 'bad', null]);
    const a = (text: string): number | string | null => {
      const r = checkArea({ text });
      return r.ok ? r.value : 'bad';
    };
    expect([a('120㎡'), a('1,200.25 平方米'), a('88m2'), a('90平米'), a(''), a('0'), a('abc')]).toEqual([120, 1200.25, 88, 90, null, 'bad', 'bad']);
    // At most two decimals; trailing zeros are fine.
    expect([a('88.88'), a('88.880'), a('88.888'), a('88.885㎡'), a('0.001')]).toEqual([88.88, 88.88, 'bad', 'bad', 'bad']);
    const n = (num: number): number | string | null => {
      const r = checkArea({ text: String(num), num });
      return r.ok ? r.value : 'bad';
    };
    // Numeric spreadsheet cells: floating-point noise is absorbed, a real third decimal is refused.
    expect([n(0.1 + 0.2), n(97.779 - 0.009), n(88.888), n(120.125)]).toEqual([0.3, 97.77, 'bad', 'bad']);
    const f = (text: string): number | string | null => {
      const r = checkFloor({ text });
      return r.ok ? r.value : 'bad';
    };
    expect([f('15层'), f('-1'), f('B1'), f('b2'), f('地下1层'), f('12F'), f(''), f('1.5')]).toEqual([15, -1, -1, -2, -1, 12, null, 'bad']);
  });
});

describe('parseImportFile — what the preview needs', () => {
  it('derives the floor from the room number and the birthday from an 18-digit ID; values the file gives win', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('房屋信息');
      ws.addRow(['序号', '楼栋', '房号', '楼层', '业主姓名', '身份证号', '出生日期', '备注']);
      ws.addRow([1, 1, '1-1-902', null, '张伟', ID_A, null, '钥匙在物业']);
      ws.addRow([2, 1, '1001', null, '李娜', ID_B, '1990-03-08', null]); // the file's birthday wins over the ID's 1990-03-07
      ws.addRow([3, 1, '902', 12, '王强', ID_A.toLowerCase(), null, null]); // the file's floor wins
      ws.addRow([4, 1, 'S01', null, '深圳市阳光物业管理有限公司', USCC, null, null]); // no floor in "S01"; a company has no birthday
    });
    const r = await parseImportFile('房屋信息.xlsx', data);
    expect(r.errors).toEqual([]);
    expect(r.columns).toMatchObject({ floor: '楼层', ownerBirthday: '出生日期', unitNote: '备注' });
    expect(r.ignoredColumns).toEqual(['序号']);
    expect(r.rows.map((x) => [x.unitCode, x.floor, x.floorFromCode ?? false, x.owner?.birthday ?? null, x.owner?.birthdayFromId ?? false, x.note ?? null])).toEqual([
      ['1-1-902', 9, true, '1949-12-31', true, '钥匙在物业'],
      ['1-1001', 10, true, '1990-03-08', false, null],
      ['1-902', 12, false, '1949-12-31', true, null],
      ['1-S01', null, false, null, false, null],
    ]);
    expect(r.rows[0].owner?.note).toBeUndefined();
  });

  it('a birthday in the future or not a date is an error, an impossible ID date is still one', async () => {
    const feb30 = '11010519900230001' + residentIdCheckChar('11010519900230001'); // right check digit, no such day
    const csv = ['房号,业主姓名,业主出生日期,业主身份证号', `1-101,甲,2099-01-01,`, `1-102,乙,1990-02-30,`, `1-103,丙,,${feb30}`].join('\n');
    const r = await parseImportFile('b.csv', utf8(csv));
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, '业主出生日期', 'import.error.futureBirthday'],
      [3, '业主出生日期', 'import.error.badDate'],
      [4, '业主身份证号', 'import.error.badIdBirthDate'],
    ]);
  });

  it('reads 备注 into the unit note and 业主备注 / 业主信息-备注 into the owner note', async () => {
    const flat = await parseImportFile('n.csv', utf8('房号,业主,业主备注,备注\n1-101,张三,老人独居,车位A12\n'));
    expect(flat.columns).toMatchObject({ ownerNote: '业主备注', unitNote: '备注' });
    expect([flat.rows[0].owner?.note, flat.rows[0].note]).toEqual(['老人独居', '车位A12']);
    const grouped = await parseImportFile('g.csv', utf8('房屋信息,,业主信息,\n楼栋,房号,姓名,备注\n1,101,张三,常年在外\n'));
    expect(grouped.columns).toMatchObject({ ownerName: '业主信息/姓名', ownerNote: '业主信息/备注' });
    expect(grouped.rows[0]).toMatchObject({ unitCode: '1-101', owner: { name: '张三', note: '常年在外' } });
    // A note longer than the note field holds is refused, not cut.
    const long = await parseImportFile('l.csv', utf8(`房号,备注\n1-101,${'长'.repeat(501)}\n`));
    expect(long.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, '备注', 'import.error.tooLong']]);
  });

  it('records every line it leaves out, and why; the empty tail of a sheet is not counted', async () => {
    const csv = [
      '楼栋,房号,业主姓名,备注',
      '1,101,张三,',
      ',,,',
      '1,102,李四,',
      ',,,只有备注没有房号',
      '注：身份证号请设为文本格式',
      '1,103,王五,',
      '合计,3户,,',
      ',,,',
      ',,,',
    ].join('\n');
    const r = await parseImportFile('s.csv', utf8(csv));
    expect(r.rows.map((x) => x.line)).toEqual([2, 4, 7]);
    expect(r.skipped).toEqual([
      { line: 3, reason: 'blank' },
      { line: 5, reason: 'note' },
      { line: 6, reason: 'note' },
      { line: 8, reason: 'summary' },
    ]);
    expect(r.ignoredColumns).toEqual([]);
  });
});
