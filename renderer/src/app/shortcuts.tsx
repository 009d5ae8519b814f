import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The page shortcuts: Alt+1…5, numbered in the order of the menu. Alt with a digit is free in Chromium and Electron on Windows and Linux
 * (Ctrl+digit switches browser tabs, Ctrl+Shift toggles the Chinese IME, Alt+Shift the keyboard layout,
 * Alt+letter opens a window menu), and it works while a text box has focus.
 */
export const PAGE_SHORTCUTS = [
  { key: 'today', digit: 1 },
  { key: 'units', digit: 2 },
  { key: 'slips', digit: 3 },
  { key: 'gate', digit: 4 },
  { key: 'people', digit: 5 },
] as const;

export type PageShortcutKey = (typeof PAGE_SHORTCUTS)[number]['key'];

export const shortcutOf = (navKey: string): string | null => {
  const s = PAGE_SHORTCUTS.find((p) => p.key === navKey);
  return s ? `Alt+${s.digit}` : null;
};

/** The digit of an Alt+digit press (top row or keypad), or null. */
export function pageDigit(e: KeyboardEvent): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  return m ? Number(m[1]) : null;
}

const Kbd = ({ children }: { children: string }) => (
  <kbd style={{ display: 'inline-block', minWidth: 22, padding: '1px 6px', border: '1px solid #d9d9d9', borderBottomWidth: 2, borderRadius: 4, background: '#fafafa', fontFamily: 'inherit', fontSize: 12, textAlign: 'center' }}>
    {children}
  </kbd>
);

/** "?": every shortcut, with the pages this user may open. */
export function ShortcutHelp({ open, onClose, pages }: { open: boolean; onClose: () => void; pages: Array<{ key: string; label: string }> }) {
  const { t } = useTranslation();
  const rows: Array<{ keys: string[]; what: string; id: string }> = [
    ...pages.flatMap((p) => {
      const s = shortcutOf(p.key);
      return s ? [{ id: `page-${p.key}`, keys: [s], what: t('shortcut.goTo', { page: p.label }) }] : [];
    }),
    { id: 'search', keys: ['Ctrl+K', '/'], what: t('shortcut.searchAction') },
    { id: 'new', keys: ['Ctrl+N', 'Alt+N'], what: t('shortcut.newAction') },
    { id: 'submit', keys: ['Ctrl+Enter', 'Cmd+Enter'], what: t('shortcut.submitAction') },
    { id: 'help', keys: ['?'], what: t('shortcut.helpAction') },
  ];
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcut.helpTitle')} destroyOnHidden width={480}>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="shortcut-help">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} style={{ borderBottom: '1px solid #f0f0f0' }} data-testid={`shortcut-row-${r.id}`}>
              <td style={{ padding: '8px 16px 8px 0', whiteSpace: 'nowrap', width: '1%' }}>
                {r.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? <span style={{ color: 'rgba(0,0,0,0.35)', margin: '0 4px' }}>/</span> : null}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </td>
              <td style={{ padding: '8px 0' }}>{r.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 12, fontSize: 12 }}>{t('shortcut.whileTyping')}</div>
    </Modal>
  );
}
