import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button } from 'antd';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/use-session-store';
import { formatDateTime } from './format';

/**
 * Session drafts of long forms: what a clerk typed survives leaving the page (or a reload) until they
 * submit, discard it, or sign out. Kept in sessionStorage — this window only, gone with it — and keyed by
 * the signed-in user, so the next clerk at the same counter never sees someone else's half-typed slip.
 */
const PREFIX = 'frontdesk.draft.';
const SAVE_DELAY_MS = 300;

interface Stored<T> {
  savedAt: string;
  values: T;
}

function storageKey(userId: string | undefined, key: string): string {
  return `${PREFIX}${userId ?? 'anon'}.${key}`;
}

function read<T>(k: string): Stored<T> | null {
  try {
    const raw = sessionStorage.getItem(k);
    if (!raw) return null;
    const v = JSON.parse(raw) as Stored<T>;
    return v && typeof v.savedAt === 'string' && v.values && typeof v.values === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** Sign-out: every draft of this window goes. */
export function clearAllDrafts(): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k?.startsWith(PREFIX)) sessionStorage.removeItem(k);
    }
  } catch {
    /* storage unavailable: there are no drafts either */
  }
}

export interface SessionDraft<T> {
  /** When the restored draft was last saved, or null when the form started from its defaults. */
  restoredAt: string | null;
  /** The restored values (once, on the first render), for state the form keeps outside react-hook-form. */
  restored: T | null;
  /** Submitted: the draft is done with. */
  clear(): void;
  /** The clerk threw it away: back to the form's defaults. */
  discard(): void;
}

/**
 * Keeps `form`'s values as a draft under `key` while they differ from its defaults, and puts a draft
 * left earlier back on the first render (the defaults stay the defaults, so the form is dirty again).
 */
export function useSessionDraft<T extends FieldValues>(key: string, form: UseFormReturn<T, unknown, unknown>, dirty: boolean): SessionDraft<T> {
  const userId = useSessionStore((s) => s.user?.id);
  const k = storageKey(userId, key);
  const [initial] = useState(() => read<T>(k));
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null);
  const done = useRef(false);
  const { reset, watch, getValues } = form;

  useEffect(() => {
    if (initial) reset(initial.values, { keepDefaultValues: true });
  }, [initial, reset]);

  useEffect(() => {
    // Back to the defaults (typed back, discarded, or not restored yet): nothing to keep. The cleanup
    // of the dirty run below has just saved; this removes it again.
    if (!dirty) {
      if (!done.current) sessionStorage.removeItem(k);
      return;
    }
    let timer: number | undefined;
    const save = () => {
      if (done.current) return;
      try {
        sessionStorage.setItem(k, JSON.stringify({ savedAt: new Date().toISOString(), values: getValues() } satisfies Stored<T>));
      } catch {
        /* full or unavailable: the leave prompt still protects the work */
      }
    };
    save();
    const sub = watch(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY_MS);
    });
    return () => {
      window.clearTimeout(timer);
      sub.unsubscribe();
      // Unmounting (leaving the page) keeps the newest values.
      save();
    };
  }, [dirty, k, watch, getValues]);

  return {
    restoredAt,
    restored: initial?.values ?? null,
    clear() {
      done.current = true;
      sessionStorage.removeItem(k);
      setRestoredAt(null);
    },
    discard() {
      sessionStorage.removeItem(k);
      setRestoredAt(null);
      reset();
    },
  };
}

/** "Draft restored — discard", above a form that came back from a draft. */
export function DraftNote({ draft }: { draft: SessionDraft<FieldValues> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (!draft.restoredAt) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="draft-restored"
      title={t('form.draftRestored', { time: formatDateTime(draft.restoredAt) })}
      action={
        <Button
          size="small"
          onClick={() => {
            draft.discard();
            message.info(t('form.draftDiscarded'));
          }}
          data-testid="draft-discard"
        >
          {t('form.discardDraft')}
        </Button>
      }
    />
  );
}
