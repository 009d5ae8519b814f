import type { RecordKindDef } from '../kit/records';
import { occupancyReportRecords } from './occupancy-report/records';
import { repairRecords } from './repairs/records';
import { decorationRecords, passRecords } from './decoration/records';
import { callbackRecords } from './callbacks/records';
import { moveInRecords, movingInRecords } from './move-in/records';
import { slipRecords } from './slips/records';

/** Every kind of numbered record: one line a workflow (open by number, `cli print`, `cli forms`). */
export const RECORD_KINDS: readonly RecordKindDef[] = [slipRecords, occupancyReportRecords, repairRecords, callbackRecords, decorationRecords, passRecords, moveInRecords, movingInRecords];
