import { useEffect, useId } from 'react';

/**
 * Which forms on screen hold unsaved changes. Read at the moment of a navigation (the one router
 * blocker in the Shell, sign-out), so a plain registry rather than reactive state: a form marks itself
 * busy synchronously while its own submission navigates away, and that navigation is never stopped.
 */
interface Guard {
  dirty: boolean;
  busy: boolean;
  /** Its values are kept as a session draft: leaving loses nothing until sign-out. */
  kept: boolean;
}

const guards = new Map<string, Guard>();
let released = false;

export function useLeaveGuard(dirty: boolean, kept = false): { setBusy(busy: boolean): void } {
  const id = useId();
  useEffect(() => {
    const g = guards.get(id);
    guards.set(id, { dirty, kept, busy: g?.busy ?? false });
  }, [id, dirty, kept]);
  useEffect(() => () => void guards.delete(id), [id]);
  return {
    setBusy(busy: boolean) {
      const g = guards.get(id) ?? { dirty, kept, busy: false };
      guards.set(id, { ...g, busy });
    },
  };
}

/** Whether leaving now would throw typed work away (`kept`: all of it is kept as a draft). */
export function unsavedChanges(): { any: boolean; kept: boolean } {
  if (released) return { any: false, kept: false };
  const open = [...guards.values()].filter((g) => g.dirty && !g.busy);
  return { any: open.length > 0, kept: open.length > 0 && open.every((g) => g.kept) };
}

/** Signing out: every form goes, nothing may stop the navigation to the sign-in screen. */
export function releaseLeaveGuards(): void {
  released = true;
  guards.clear();
  // The navigation to the sign-in screen (a hash change) lands within this second; the next shell guards again.
  setTimeout(() => {
    released = false;
  }, 1000);
}
