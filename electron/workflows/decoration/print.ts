import type { FormDef } from '../../kit/records';

/**
 * The decoration forms (装修申请表, 施工许可证, 出入证, 装修整改通知书, 动火审批表, 竣工验收表, 押金退还单), printed
 * through `records.print` by the permit's number. Filled in by ./forms/.
 */
export const DECORATION_FORMS: readonly FormDef[] = [];
