import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './fixtures';
import { escapeRe, goTo, popupSettled, signIn } from './helpers';

test.use({ seed: 'demo' });

interface Pick {
  id: string;
  name: string;
  phone: string;
  initials: string;
}

/**
 * A real person of the demo site whose pinyin initials and phone tail each find only a handful of
 * records, so the person is certainly among the hits shown (read-only, from the app's own database).
 */
function pickPerson(app: RunningApp): Pick & { unitPrefix: string; tailHits: number } {
  const db = new Database(path.join(app.dataDir, 'frontdesk.db'), { readonly: true, fileMustExist: true });
  try {
    const candidates = db
      .prepare(
        `SELECT p.id, p.name, p.phone, s.term AS initials FROM people p JOIN search_terms s ON s.ref_id = p.id
          WHERE p.kind = 'person' AND p.voided_at IS NULL AND p.phone GLOB '1[3-9][0-9]*' AND length(p.phone) = 11
            AND length(p.name) = 3 AND length(s.term) = 3 AND s.term GLOB '[a-z][a-z][a-z]'
          ORDER BY p.id LIMIT 400`,
      )
      .all() as Pick[];
    // How many records a search for this text finds (the host's prefix match over search_terms).
    const count = db.prepare(`SELECT count(DISTINCT ref_id) FROM search_terms WHERE term >= ? AND term < ? || char(65535)`);
    const pick = candidates.find((c) => {
      const tail = c.phone.slice(-4);
      return (count.pluck().get(c.initials, c.initials) as number) === 1 && (count.pluck().get(tail, tail) as number) <= 5;
    });
    if (!pick) throw new Error('no suitable person in the demo data');
    const unit = db.prepare(`SELECT code FROM units WHERE voided_at IS NULL AND code GLOB '*-*-*[0-9][0-9][0-9]' ORDER BY code LIMIT 1 OFFSET 100`).pluck().get() as string;
    const tail = pick.phone.slice(-4);
    return { ...pick, unitPrefix: unit.slice(0, -1), tailHits: count.pluck().get(tail, tail) as number };
  } finally {
    db.close();
  }
}

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+KeyK');
  await expect(page.getByTestId('global-search')).toBeFocused();
  // One input event: typing key by key would show (and re-render) the hits of each shorter prefix on the way.
  await page.getByTestId('global-search').fill(text);
}

test('Ctrl+K, pinyin initials, phone tail and unit code prefix find and open records', async ({ page, app }) => {
  const person = pickPerson(app);
  test.info().annotations.push({ type: 'picked', description: `${person.name} ${person.initials} ${person.phone} ${person.unitPrefix}` });
  const masked = `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`;
  await signIn(page, app);
  await expect(page.getByTestId('global-search')).not.toBeFocused();

  // Pinyin initials → the person; Enter opens the first hit.
  await search(page, person.initials);
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toHaveAttribute('data-kind', 'person');
  await expect(hits.first()).toContainText(person.name);
  await expect(hits.first()).toContainText(masked);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-page')).toBeVisible();
  await expect(page.getByTestId('person-name')).toHaveText(person.name);
  await expect(page).toHaveURL(new RegExp(`#/people/${person.id}$`));
  await expect(page.getByTestId('global-search')).toHaveValue('');

  // The last 4 digits of the phone → the person among the hits; a click opens them.
  // (Wait for the page: the box is emptied when a navigation commits, even one still loading while typing.)
  await goTo(page, 'units');
  await search(page, person.phone.slice(-4));
  const byPhone = page.locator('[data-testid="search-hit"][data-kind="person"]').filter({ hasText: person.name });
  await expect(byPhone).toHaveCount(1);
  await expect(hits).toHaveCount(person.tailHits);
  await popupSettled(page);
  await byPhone.click();
  await expect(page.getByTestId('person-name')).toHaveText(person.name);
  await expect(page).toHaveURL(new RegExp(`#/people/${person.id}$`));

  // A unit code prefix → only units starting with it; Enter opens the first.
  await search(page, person.unitPrefix);
  const titlesLocator = page.locator('[data-testid="search-hit"] > span:nth-child(2)');
  const prefix = new RegExp(`^${escapeRe(person.unitPrefix)}`);
  await expect.poll(async () => {
    const titles = await titlesLocator.allTextContents();
    return titles.length > 0 && titles.every((t) => prefix.test(t));
  }).toBe(true);
  const titles = await titlesLocator.allTextContents();
  await expect(hits.first()).toHaveAttribute('data-kind', 'unit');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unit-page')).toBeVisible();
  await expect(page.getByTestId('unit-code')).toHaveText(titles[0]);

  // '/' also focuses the box; nothing found says so.
  await page.getByTestId('unit-details').click();
  await expect(page.getByTestId('global-search')).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByTestId('global-search')).toBeFocused();
  await page.keyboard.type('qqqqzzzz');
  await expect(page.getByTestId('search-empty')).toBeVisible();
});
