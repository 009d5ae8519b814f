import { create } from 'zustand';

/**
 * UI-only state shared between the layout and the pages: the "new record" action of the
 * current list page (Ctrl+N / Alt+N), a request to focus the global search, and which
 * session notice (app.status → notice) was dismissed on this page load, and where focus goes once
 * the next page is shown (after a save, or a shortcut to a page).
 */
export interface FocusRequest {
  /** The page it is meant for: nothing is focused on the page being left. */
  path: string;
  /** A CSS selector of the element to focus; the page's `[data-page-focus]`, else its content, when absent. */
  selector?: string;
}

interface UiState {
  focusRequest: FocusRequest | null;
  requestFocus(req: FocusRequest | null): void;
  newRecord: (() => void) | null;
  setNewRecord(fn: (() => void) | null): void;
  searchFocusTick: number;
  focusSearch(): void;
  /** The dismissed notice, by what identifies it (kind and time): it stays in app.status for the whole session. */
  dismissedNotice: string | null;
  dismissNotice(id: string): void;
}

export const useUiStore = create<UiState>((set) => ({
  focusRequest: null,
  requestFocus: (req) => set({ focusRequest: req }),
  newRecord: null,
  setNewRecord: (fn) => set({ newRecord: fn }),
  searchFocusTick: 0,
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
  dismissedNotice: null,
  dismissNotice: (id) => set({ dismissedNotice: id }),
}));
