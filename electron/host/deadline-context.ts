import type { DeadlineContext } from '../../shared/kernel/deadlines';
import type { Settings } from '../../shared/master/schema';

/**
 * What a workflow computes its due dates with (convention 13): the manager's own holidays, make-up
 * working days and confirmed years, and the office hours, all from the site settings. Services reach it
 * as `ctx.deadlines()`, so a saved change in Settings applies to the next deadline computed.
 *
 * The overrides object is passed through as it is, not copied: the calendar compiles its lookups once
 * per object, and the host keeps one settings object until the next `settings.update`.
 */
export function deadlineContext(settings: Pick<Settings, 'calendarOverrides' | 'officeHours'>): DeadlineContext {
  return { overrides: settings.calendarOverrides, officeHours: settings.officeHours };
}
