import i18next from 'i18next';
import { can } from '../../../shared/kernel/permissions';
import { errorText, invoke } from '../api';
import { clearAllDrafts } from '../components/draft';
import { releaseLeaveGuards } from '../components/leave-guard';
import { useSessionStore } from '../stores/use-session-store';
import { applyLanguage, effectiveLanguage, setLocalLanguage, type UiLanguage } from './i18n';

/** Reads app.status and moves the app to the matching screen (recovery, setup, sign-in, lock, main). */
export async function loadStatus(): Promise<void> {
  try {
    const app = await invoke('app.status', {});
    applyLanguage(effectiveLanguage(app.language));
    useSessionStore.getState().fromAppStatus(app);
  } catch (e) {
    useSessionStore.getState().bootFailed(errorText(i18next.t.bind(i18next), e));
  }
}

export async function signOut(): Promise<void> {
  try {
    await invoke('auth.signOut', {});
  } catch {
    /* signed out locally either way; the host ends the session on its side */
  }
  // The Shell asked already (or it is the lock screen's "sign out instead"): the forms go, and so do their drafts.
  releaseLeaveGuards();
  clearAllDrafts();
  if (window.location.hash && window.location.hash !== '#/') window.location.hash = '#/';
  useSessionStore.getState().signedOut();
}

/** Locks the screen now (idle timer, or the clerk leaving the desk). */
export async function lockNow(): Promise<void> {
  useSessionStore.getState().lock();
  try {
    await invoke('auth.lock', {});
  } catch {
    /* the lock screen is shown anyway; unlocking asks the host again */
  }
}

/**
 * Changes the UI language at once. A manager's choice becomes the site setting (settings.update);
 * anyone else's is kept on this computer only (localStorage).
 */
export async function switchLanguage(lng: UiLanguage, onError?: (e: unknown) => void): Promise<void> {
  applyLanguage(lng);
  const { user, status } = useSessionStore.getState();
  if (status === 'signed-in' && can(user?.role, 'settings.write')) {
    setLocalLanguage(null);
    try {
      await invoke('settings.update', { language: lng });
      useSessionStore.getState().setLanguageSetting(lng);
    } catch (e) {
      setLocalLanguage(lng);
      onError?.(e);
    }
  } else {
    setLocalLanguage(lng);
  }
}

/** Set by the Backup page just before it restarts the app after a restore; the sign-in page shows why. */
export const RESTORED_FLAG = 'frontdesk.restored';

/**
 * Read once when the page loads (module evaluation), so only the restarted page sees it — not a
 * sign-in screen the old page may render in the moment before the reload.
 */
export const restoredOnThisLoad: boolean = (() => {
  const set = sessionStorage.getItem(RESTORED_FLAG) === '1';
  sessionStorage.removeItem(RESTORED_FLAG);
  return set;
})();
