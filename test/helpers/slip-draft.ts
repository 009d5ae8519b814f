import type { ChannelInput } from '../../shared/contract';

/** A plain temporary release slip for a unit: a family member takes a television out for repair. */
export function temporarySlip(unitId: string): ChannelInput<'slips.create'> {
  return {
    unitId,
    nature: 'temporary',
    reason: '送修',
    carrier: { type: 'family', personId: null, name: '王小明', phone: '13511112222', idType: null, idNumber: null },
    items: [{ name: '电视机', quantity: 1, unitOfCount: '台', remark: null }],
    tenantMoveOut: false,
    meterReadings: null,
  };
}
