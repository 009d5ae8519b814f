import { useCallback, useEffect, useId, useRef } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';

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
      // A submission that ends after its form has gone (saved, drawer closed) must not bring its guard
      // back: a form that is not on screen would then stop every later navigation with "unsaved changes".
      const g = guards.get(id);
      if (g) guards.set(id, { ...g, busy });
    },
  };
}

/** Whether leaving now would throw typed work away (`kept`: all of it is kept as a draft). */
export function unsavedChanges(): { any: boolean; kept: boolean } {
  if (released) return { any: false, kept: false };
  const open = [...guards.values()].filter((g) => g.dirty && !g.busy);
  return { any: open.length > 0, kept: open.length > 0 && open.every((g) => g.kept) };
}

/** Signing out, or leaving confirmed: every form's work is given up, nothing may stop that navigation. */
export function releaseLeaveGuards(): void {
  released = true;
  guards.clear();
  // The navigation (a hash change) lands within this second; the next page's forms guard again.
  setTimeout(() => {
    released = false;
  }, 1000);
}

/**
 * The question before unsaved work is thrown away: `leave` a page (the Shell's blocker, sign-out) or
 * `close` a drawer or dialog holding a form (its mask, ×, or Esc). Returns a function that runs `onGo`
 * at once when nothing is unsaved, else after the clerk confirms; `onStay` runs when they do not.
 */
export function useConfirmDiscard(): (kind: 'leave' | 'close', onGo: () => void, onStay?: () => void) => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const asking = useRef(false);
  return useCallback(
    (kind, onGo, onStay) => {
      const { any, kept } = unsavedChanges();
      if (!any) return onGo();
      if (asking.current) return;
      asking.current = true;
      const done = (fn?: () => void) => () => {
        asking.current = false;
        fn?.();
      };
      modal.confirm({
        title: kind === 'leave' ? t('form.leaveTitle') : t('form.closeTitle'),
        content: <span data-testid="leave-prompt">{kept ? t('form.leaveKept') : kind === 'leave' ? t('form.leaveLost') : t('form.closeLost')}</span>,
        okText: kind === 'leave' ? t('form.leave') : t('form.discard'),
        cancelText: t('form.stay'),
        okButtonProps: { danger: !kept, ...testId('leave-confirm') },
        cancelButtonProps: testId('leave-cancel'),
        autoFocusButton: 'cancel',
        onOk: done(onGo),
        onCancel: done(onStay),
      });
    },
    [modal, t],
  );
}

const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
