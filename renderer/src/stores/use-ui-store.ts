import { create } from 'zustand';

/**
 * UI-only state shared between the layout and the pages: the "new record" action of the
 * current list page (Ctrl+N / Alt+N), and a request to focus the global search.
 */
interface UiState {
  newRecord: (() => void) | null;
  setNewRecord(fn: (() => void) | null): void;
  searchFocusTick: number;
  focusSearch(): void;
}

export const useUiStore = create<UiState>((set) => ({
  newRecord: null,
  setNewRecord: (fn) => set({ newRecord: fn }),
  searchFocusTick: 0,
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
}));
