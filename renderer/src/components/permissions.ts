import { useCallback, useEffect } from 'react';
import { can, type Permission } from '../../../shared/kernel/permissions';
import { useSessionStore } from '../stores/use-session-store';
import { useUiStore } from '../stores/use-ui-store';

/** `can(permission)` for the signed-in user. */
export function useCan(): (permission: Permission) => boolean {
  const role = useSessionStore((s) => s.user?.role ?? null);
  return useCallback((p: Permission) => can(role, p), [role]);
}

/** Registers the current page's "new record" action for Ctrl+N / Alt+N while the page is shown. */
export function useNewRecordShortcut(fn: (() => void) | null) {
  const setNewRecord = useUiStore((s) => s.setNewRecord);
  useEffect(() => {
    setNewRecord(fn);
    return () => setNewRecord(null);
  }, [fn, setNewRecord]);
}
