import { pinyin } from 'pinyin-pro';
import type { Db } from '../../../db/connection';
import { q } from '../../../db/statements';

/** Pinyin initials and full pinyin of a Chinese name: 张三 → ['zs', 'zhangsan']; surnames read as surnames (曾 zeng, 单 shan). */
export function pinyinTerms(name: string): string[] {
  if (!/[\u3400-\u9fff]/.test(name)) return [];
  // One dictionary pass: the initials are the first letters of the syllables (imports do this 100,000s of times).
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' }).map((x) => x.toLowerCase()).filter(Boolean);
  const initials = syllables.map((x) => x[0]).join('');
  const full = syllables.join('');
  return [initials, full].filter((t) => t.length > 0);
}

export function personTerms(p: { name: string; phone: string | null; phone2: string | null }): string[] {
  const terms = new Set<string>([p.name.toLowerCase(), ...pinyinTerms(p.name)]);
  for (const ph of [p.phone, p.phone2]) {
    if (ph && ph.length >= 4) {
      terms.add(ph);
      terms.add(ph.slice(-4));
    }
  }
  return [...terms];
}

export function unitTerms(code: string): string[] {
  const lower = code.toLowerCase();
  const terms = new Set<string>([lower, lower.replace(/[-_.#]/g, '')]);
  const room = lower.split(/[-_.#]/).pop();
  if (room && room !== lower) terms.add(room);
  return [...terms];
}

/** Replaces the terms of a record; `fresh` skips the delete for a record created in this transaction. */
export function setTerms(db: Db, kind: 'unit' | 'person', refId: string, terms: string[], fresh = false): void {
  if (!fresh) q(db, 'DELETE FROM search_terms WHERE ref_id = ?').run(refId);
  const ins = q(db, 'INSERT OR IGNORE INTO search_terms (term, kind, ref_id) VALUES (?, ?, ?)');
  for (const t of terms) ins.run(t, kind, refId);
}

export function clearTerms(db: Db, refId: string): void {
  q(db, 'DELETE FROM search_terms WHERE ref_id = ?').run(refId);
}

/** Completes migration 0020: adds pinyin terms for people created before search existed. */
export function completePendingTerms(db: Db): number {
  const rows = db
    .prepare('SELECT p.id, p.name, p.phone, p.phone2 FROM search_terms_pending s JOIN people p ON p.id = s.person_id')
    .all() as { id: string; name: string; phone: string | null; phone2: string | null }[];
  for (const r of rows) setTerms(db, 'person', r.id, personTerms(r));
  db.prepare('DELETE FROM search_terms_pending').run();
  return rows.length;
}

/** Prefix search over the terms; at most `limit` distinct records, shortest matching term first. */
export function searchTerms(db: Db, text: string, limit: number): { kind: 'unit' | 'person'; refId: string; exact: number }[] {
  const t = text.trim().toLowerCase();
  if (!t) return [];
  return q(
    db,
    `SELECT kind, ref_id AS refId, max(term = ?) AS exact, min(length(term)) AS len
       FROM (SELECT term, kind, ref_id FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT 400)
      GROUP BY kind, ref_id
      ORDER BY exact DESC, len, kind DESC
      LIMIT ?`,
  ).all<{ kind: 'unit' | 'person'; refId: string; exact: number }>(t, t, `${t}\uffff`, limit);
}
