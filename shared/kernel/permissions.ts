import type { Role } from '../master/enums';

/** What each role may do (PRODUCT.md "Who uses it"). Checked by the host on every channel. */
export const PERMISSIONS = {
  'masterdata.read': ['clerk', 'cashier', 'supervisor', 'manager'],
  'masterdata.write': ['clerk', 'supervisor', 'manager'],
  'masterdata.void': ['supervisor', 'manager'],
  'occupancy.set': ['manager'],
  'pii.reveal': ['clerk', 'supervisor', 'manager'],
  'import.run': ['supervisor', 'manager'],
  'settings.write': ['manager'],
  'users.manage': ['manager'],
  'audit.read': ['manager'],
  'backup.create': ['supervisor', 'manager'],
  'backup.restore': ['manager'],
  'slips.read': ['clerk', 'cashier', 'supervisor', 'manager'],
  'slips.write': ['clerk', 'supervisor', 'manager'],
  'slips.fees': ['cashier', 'manager'],
  'slips.void': ['supervisor', 'manager'],
  'gate.exit': ['clerk', 'supervisor', 'manager'],
  'occupancyReport.read': ['clerk', 'cashier', 'supervisor', 'manager'],
  'occupancyReport.accept': ['supervisor', 'manager'],
  'occupancyReport.finalise': ['manager'],
  /** Repairs: the desk takes them in and follows them; the cashier collects paid charges; a supervisor voids. */
  'repairs.read': ['clerk', 'cashier', 'supervisor', 'manager'],
  'repairs.write': ['clerk', 'supervisor', 'manager'],
  'repairs.fees': ['cashier', 'manager'],
  'repairs.void': ['supervisor', 'manager'],
  /** Callbacks are the clerks' (客服助理负责回访); the supervisor takes the escalated ones. */
  'callbacks.read': ['clerk', 'supervisor', 'manager'],
  'callbacks.write': ['clerk', 'supervisor', 'manager'],
  /** Decoration (装修): the desk keeps the application and the permit; the cashier takes the fees and pays the refund out; the project manager approves and signs penalties off. */
  'decoration.read': ['clerk', 'cashier', 'supervisor', 'manager'],
  'decoration.write': ['clerk', 'supervisor', 'manager'],
  'decoration.fees': ['cashier', 'manager'],
  'decoration.approve': ['manager'],
  'decoration.void': ['supervisor', 'manager'],
  /** The deposits held and due back, across the site. */
  'decoration.ledger': ['cashier', 'manager'],
  /** Move-in (入伙) and moving in (入住): the desk takes the owner through the steps; the cashier confirms the fees (a clerk cannot); a supervisor voids. */
  'move-in.read': ['clerk', 'cashier', 'supervisor', 'manager'],
  'move-in.write': ['clerk', 'supervisor', 'manager'],
  'move-in.fees': ['cashier', 'manager'],
  'move-in.void': ['supervisor', 'manager'],
  /** The site's dashboard on Today (its tiles); the lists behind them keep their own permissions. */
  'dashboard.read': ['manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
