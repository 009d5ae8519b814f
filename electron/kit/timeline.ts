import { q } from '../../db/statements';
import type { TimelineEntry } from '../../shared/kernel/records';
import type { ServiceCtx } from '../host/context';

/**
 * A step on a record's timeline (append-only: the table refuses updates and deletes), in the caller's
 * transaction with the change it describes. `kind` is the record kind ('slip', later 'movein', 'repair'…).
 */
export function appendEvent(ctx: ServiceCtx, kind: string, recordId: string, action: string, detail?: unknown): void {
  q(ctx.db, 'INSERT INTO record_events (id, kind, record_id, at, user_id, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    ctx.newId(), kind, recordId, ctx.nowIso(), ctx.user?.id ?? null, action, detail === undefined ? null : JSON.stringify(detail),
  );
}

/** A record's timeline, oldest first, with the name of who did each step. */
export function timelineOf(ctx: ServiceCtx, kind: string, recordId: string): TimelineEntry[] {
  return q(ctx.db, `SELECT e.at, u.display_name AS userName, e.action, e.detail FROM record_events e LEFT JOIN users u ON u.id = e.user_id
                     WHERE e.kind = ? AND e.record_id = ? ORDER BY e.at, e.id`).all<TimelineEntry>(kind, recordId);
}
