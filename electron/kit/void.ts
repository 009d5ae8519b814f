import { AppError } from '../../shared/kernel/errors';
import type { ServiceCtx } from '../host/context';
import { appendEvent } from './timeline';

export interface EndRecord<S extends string> {
  kind: string;
  id: string;
  /** The record's state now. */
  state: S;
  /** Why the record may not end this way in that state (a message key from the workflow's rules), or null. */
  refusal: string | null;
  /** The state it ends in ('voided', or a workflow's own such as 'refused'). */
  to: S;
  /** The workflow's own update of its row, in the same transaction. */
  apply: () => void;
}

/**
 * The one way a record of any kind is voided (or otherwise ended with a reason): the channel's permission
 * (a supervisor, shared/kernel/records.ts VOID_ROLES) was checked by the host; the reason was checked by the
 * channel's input (kernel `voidInput`); here, the state rule, then the row, the timeline step and the audit
 * row in one transaction.
 */
export function endRecord<S extends string>(ctx: ServiceCtx, action: 'void' | string, reason: string, r: EndRecord<S>): void {
  if (r.refusal) throw new AppError('BAD_STATE', r.refusal);
  ctx.db.transaction(() => {
    r.apply();
    appendEvent(ctx, r.kind, r.id, action, { reason });
    ctx.audit(action, r.kind, r.id, { state: r.state }, { state: r.to, reason });
  })();
}
