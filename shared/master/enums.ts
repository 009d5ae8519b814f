import { z } from 'zod';

export const UNIT_USES = ['residential', 'office', 'business_apartment', 'shop'] as const;
export const UnitUseSchema = z.enum(UNIT_USES);
export type UnitUse = z.infer<typeof UnitUseSchema>;

/** 房屋动态: the occupancy state of a unit on a given day. */
export const OCCUPANCY_STATES = [
  'not_handed_over',
  'vacant',
  'under_decoration',
  'owner_occupied',
  'office_in_use',
  'rented',
] as const;
export const OccupancyStateSchema = z.enum(OCCUPANCY_STATES);
export type OccupancyState = z.infer<typeof OccupancyStateSchema>;

export const RELATIONS = ['owner', 'co_owner', 'family', 'tenant', 'company'] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;

export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'business_license',
  'other',
] as const;
export const IdTypeSchema = z.enum(ID_TYPES);
export type IdType = z.infer<typeof IdTypeSchema>;

export const PERSON_KINDS = ['person', 'company'] as const;
export const PersonKindSchema = z.enum(PERSON_KINDS);
export type PersonKind = z.infer<typeof PersonKindSchema>;

export const ROLES = ['clerk', 'cashier', 'supervisor', 'manager'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
