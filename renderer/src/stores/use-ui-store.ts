import { create } from 'zustand';

/**
 * UI-only state shared between the layout and the pages: the "new record" action of the
 * current list page (Ctrl+N / Alt+N), a request to focus the global search, and which
 * session notice (app.status → notice) was dismissed on this page load.
 */
interface UiState {
  newRecord: (() => void) | null;
  setNewRecord(fn: (() => void) | null): void;
  searchFocusTick: number;
  focusSearch(): void;
  /** The dismissed notice, by what identifies it (kind and time): it stays in app.status for the whole session. */
  dismissedNotice: string | null;
  dismissNotice(id: string): void;
}

export const useUiStore = create<UiState>((set) => ({
  newRecord: null,
  setNewRecord: (fn) => set({ newRecord: fn }),
  searchFocusTick: 0,
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
  dismissedNotice: null,
  dismissNotice: (id) => set({ dismissedNotice: id }),
}));
