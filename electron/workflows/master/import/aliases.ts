/**
 * Column headers of import files: which header text means which field.
 * Matching ignores case, spaces, a trailing colon, required-field stars and,
 * when needed, bracketed notes such as "（㎡）" or "(必填)".
 */

export const COLUMN_KEYS = [
  'buildingCode',
  'buildingName',
  'unitCode',
  'unitNo',
  'use',
  'floor',
  'areaM2',
  'state',
  'ownerName',
  'ownerPhone',
  'ownerId',
  'ownerIdType',
  'ownerContactPerson',
  'tenantName',
  'tenantPhone',
  'tenantId',
  'tenantIdType',
  'tenantContactPerson',
  'tenancyStart',
  'unitNote',
  'ownerNote',
  'ownerBirthday',
  'tenantNote',
  'tenantBirthday',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type Party = 'owner' | 'tenant';
export type PartyField = 'Name' | 'Phone' | 'Id' | 'IdType' | 'ContactPerson' | 'Birthday' | 'Note';

/** What one header means. */
export type HeaderMeaning =
  /** A fixed field. `composable`: a room number to prefix with building (and 单元) when it has no '-'. */
  | { kind: 'fixed'; key: ColumnKey; composable: boolean }
  /** A party field that belongs to the owner or the tenant depending on the columns around it (电话, 身份证号…). */
  | { kind: 'party'; field: PartyField }
  /** 单元号: the full unit code when the file has no other unit-code column, else the 单元 part. */
  | { kind: 'unitAmbiguous' };

const FIXED: Array<[ColumnKey, string[]]> = [
  ['buildingCode', ['楼栋', '楼栋号', '楼号', '栋', '栋号', '楼宇', '楼座', '座', '幢', '幢号', '楼栋编号', '楼栋编码', '楼宇编号', '所属楼栋', 'building', 'building no', 'building code', 'bldg', 'block', 'tower']],
  ['buildingName', ['楼栋名称', '楼宇名称', '楼栋名', 'building name']],
  ['unitCode', ['房屋编号', '房屋编码', '房产编号', '房屋代码', '房间编号', '房间编码', '房号编码', '房屋号', 'unit', 'unit code', 'unit no', 'unit number']],
  ['unitNo', ['单元', '单元名称', '单元名']],
  ['use', ['用途', '房屋用途', '物业类型', '房屋类型', '物业用途', '使用性质', '房屋性质', 'use', 'type', 'usage', 'property type', 'unit type']],
  ['floor', ['楼层', '层', '所在楼层', '层号', 'floor', 'floor no', 'level']],
  ['areaM2', ['建筑面积', '面积', '产权面积', '房屋面积', 'area', 'gross area', 'floor area', 'area m2']],
  ['state', ['房屋状态', '状态', '入住状态', '房屋动态', '居住状态', '使用状态', 'occupancy', 'state', 'status']],
  ['ownerName', ['业主', '业主姓名', '业主名称', '业主名', '产权人', '产权人姓名', '房主', '客户名称', '客户姓名', 'owner', 'owner name']],
  ['ownerPhone', ['业主电话', '业主手机', '业主手机号', '业主联系电话', '业主联系方式', '产权人电话', 'owner phone', 'owner mobile']],
  ['ownerId', ['业主身份证号', '业主身份证', '业主身份证号码', '业主证件号', '业主证件号码', '产权人身份证号', '产权人证件号码', 'owner id', 'owner id number', 'owner id no']],
  ['ownerIdType', ['业主证件类型', 'owner id type']],
  ['ownerContactPerson', ['业主联系人', 'owner contact person', 'owner contact']],
  ['tenantName', ['租户', '租户姓名', '租户名称', '承租人', '承租人姓名', '承租方', '承租单位', 'tenant', 'tenant name']],
  ['tenantPhone', ['租户电话', '租户手机', '租户手机号', '租户联系电话', '租户联系方式', '承租人电话', '承租人手机', 'tenant phone', 'tenant mobile']],
  ['tenantId', ['租户证件号', '租户证件号码', '租户身份证号', '租户身份证号码', '租户身份证', '承租人身份证号', '承租人证件号码', 'tenant id', 'tenant id number', 'tenant id no']],
  ['tenantIdType', ['租户证件类型', '承租人证件类型', 'tenant id type']],
  ['tenantContactPerson', ['租户联系人', 'tenant contact person', 'tenant contact']],
  // A plain 备注 describes the row, i.e. the unit; 业主备注 / 租户备注 (or 备注 under an 业主信息 group) the person.
  ['unitNote', ['备注', '房屋备注', '备注说明', '备注信息', '其他说明', 'remark', 'remarks', 'note', 'notes', 'comment', 'comments', 'unit note']],
  ['ownerNote', ['业主备注', '产权人备注', 'owner note', 'owner remark', 'owner remarks']],
  ['ownerBirthday', ['业主出生日期', '业主生日', '产权人出生日期', 'owner birthday', 'owner date of birth']],
  ['tenantNote', ['租户备注', '承租人备注', 'tenant note', 'tenant remark', 'tenant remarks']],
  ['tenantBirthday', ['租户出生日期', '租户生日', '承租人出生日期', 'tenant birthday', 'tenant date of birth']],
  ['tenancyStart', ['租赁开始', '起租日期', '租期开始', '租赁开始日期', '租期开始日期', '租赁起始日期', '起租日', '租赁起始日', 'lease start', 'lease start date', 'tenancy start']],
];

/** Room numbers: composed with building (and 单元) into the unit code when they hold no '-'. */
const ROOM_ALIASES = ['房号', '房间号', '室号', '门牌号', '户号', '房间', 'room', 'room no', 'room number'];

const PARTY: Array<[PartyField, string[]]> = [
  ['Name', ['姓名', '名称', 'name']],
  ['Phone', ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '联系手机', 'phone', 'mobile', 'tel', 'telephone', 'contact phone']],
  ['Id', ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', '证件编号', 'id number', 'id no', 'id card']],
  ['IdType', ['证件类型', 'id type']],
  ['ContactPerson', ['联系人', '联系人姓名', 'contact person', 'contact']],
  ['Birthday', ['出生日期', '生日', '出生年月日', '出生年月', 'birthday', 'date of birth', 'birth date', 'dob']],
];

const UNIT_AMBIGUOUS = ['单元号'];

/** Normalises header text for matching: NFKC, lower case, no spaces / stars / underscores / dots, no trailing colon. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_.·#'’-]/g, '')
    .replace(/[:：]+$/, '');
}

function stripBrackets(norm: string): string {
  return norm.replace(/\([^)]*\)?|\[[^\]]*\]?|【[^】]*】?|〔[^〕]*〕?|<[^>]*>?|《[^》]*》?/g, '');
}

const TABLE = new Map<string, HeaderMeaning>();
for (const [key, aliases] of FIXED) {
  for (const a of aliases) TABLE.set(normalizeHeader(a), { kind: 'fixed', key, composable: false });
}
for (const a of ROOM_ALIASES) TABLE.set(normalizeHeader(a), { kind: 'fixed', key: 'unitCode', composable: true });
for (const [field, aliases] of PARTY) {
  for (const a of aliases) TABLE.set(normalizeHeader(a), { kind: 'party', field });
}
for (const a of UNIT_AMBIGUOUS) TABLE.set(normalizeHeader(a), { kind: 'unitAmbiguous' });

/** The meaning of one header cell, or null when it is not a known column. */
export function matchHeader(text: string): HeaderMeaning | null {
  const norm = normalizeHeader(text);
  if (norm === '') return null;
  const direct = TABLE.get(norm);
  if (direct) return direct;
  const stripped = stripBrackets(norm).replace(/[:：]+$/, '');
  if (stripped !== norm && stripped !== '') return TABLE.get(stripped) ?? null;
  return null;
}

/**
 * The meaning of a cell in the lower row of a two-row header ("业主信息" above "姓名" → 业主姓名).
 * Tries the group prefix first, then the cell alone, then the group alone.
 */
export function matchHeaderPair(parent: string, child: string): HeaderMeaning | null {
  const p = stripBrackets(normalizeHeader(parent)).replace(/(信息|资料|情况|info|information|details)$/, '');
  const c = child.trim();
  if (c === '') return matchHeader(parent);
  if (p !== '' && normalizeHeader(parent) !== normalizeHeader(child)) {
    const combined = matchHeader(p + normalizeHeader(c));
    if (combined) return combined;
  }
  return matchHeader(c);
}

/** Display names used in file-level messages about missing columns. */
export const REQUIRED_COLUMN_LABEL = {
  unitCode: '房号 / unit',
  ownerName: '业主 / owner',
  tenantName: '租户 / tenant',
} as const;
