import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { expect, HOST_ENV, MANAGER, startApp, stopApp, test } from './fixtures';
import { fillSignIn, goTo, switchLanguage } from './helpers';

/**
 * The recovery screen on data folders prepared before the app starts: an empty (zero-byte) data file
 * with no backups (→ a new, empty site, behind an explicit confirmation) and with a good backup
 * (→ restore it, no new site offered); and the once-only notice after an unclean stop.
 * Screenshots go where screenshots.spec.ts writes them: test-results/screens/<lang>-recovery-*.png.
 */

const OUT = path.resolve('test-results', 'screens');
interface Launched {
  url: string;
  child: ChildProcess;
}

/** The browser shell of the worker's build copy on `dataDir` as it is (the fixture starts it on a fresh one). */
const launch = (build: string, dataDir: string): Promise<Launched> => startApp(build, dataDir);
const stop = (app: Launched, signal: NodeJS.Signals = 'SIGTERM') => stopApp(app.child, signal);

function cli(build: string, dataDir: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(build, 'node', 'cli.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', env: HOST_ENV });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A set-up site (the manager of fixtures.ts) with one manual backup taken by the CLI. */
function siteWithBackup(build: string, dataDir: string): string {
  cli(build, dataDir, 'init', '--site', '阳光花园', '--username', MANAGER.username, '--password', MANAGER.password, '--display-name', MANAGER.displayName);
  return path.basename(cli(build, dataDir, 'backup').trim());
}

/**
 * A copy of `from` with one index page overwritten: its header, schema, site and manager still read
 * (so the recovery list offers it), but the page-by-page check the host runs at restore fails.
 */
function damagedCopy(from: string, to: string) {
  fs.copyFileSync(from, to);
  const db = new Database(to, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND name = 'people_phone'").pluck().get() as number;
  db.close();
  expect(root).toBeGreaterThan(1);
  const fd = fs.openSync(to, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (root - 1) * pageSize);
  fs.closeSync(fd);
}

/** Replaces the data file with an empty one (as a failed copy or a disk tool can leave it). */
function emptyDataFile(dataDir: string) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `frontdesk.db${suffix}`), { force: true });
  fs.writeFileSync(path.join(dataDir, 'frontdesk.db'), '');
}

async function shoot(page: Page, lang: string, name: string, fullPage = true) {
  fs.mkdirSync(OUT, { recursive: true });
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton, [data-testid="loading"]')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(5, 5);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${lang}-${name}.png`), animations: 'disabled', fullPage });
}

/** A dialog that has finished its zoom-in: a click aimed while it still grows can miss its button. */
async function dialogSettled(dialog: Locator, text: string | RegExp) {
  await expect(dialog).toContainText(text);
  await expect(dialog).not.toHaveClass(/zoom-(appear|enter)/);
}

/** The recovery page in English too, for the screenshot; back to Chinese afterwards. */
async function shootBoth(page: Page, name: string, englishTitle: string) {
  await shoot(page, 'zh-CN', name);
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('recovery-page').locator('h1')).toHaveText(englishTitle);
  await shoot(page, 'en', name);
  await switchLanguage(page, 'zh-CN');
}

let dataDir: string;
let running: Launched | null = null;

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-recovery-'));
});

test.afterEach(async () => {
  if (running) await stop(running);
  running = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('an empty data file and no backup: the recovery screen offers a new site, confirmed, then setup', async ({ page, build }) => {
  fs.writeFileSync(path.join(dataDir, 'frontdesk.db'), '');
  running = await launch(build, dataDir);
  await page.goto(running.url);

  const recovery = page.getByTestId('recovery-page');
  await expect(recovery).toBeVisible();
  await expect(recovery.locator('h1')).toHaveText('这不是 FrontDesk 的数据文件');
  await expect(page.getByTestId('recovery-state')).toHaveAttribute('data-state', 'foreign');
  await expect(page.getByTestId('setup-page')).toHaveCount(0);
  await expect(page.getByTestId('recovery-row')).toHaveCount(0);
  await expect(recovery).toContainText('没有找到备份');
  // No "restore the latest backup" advice when there is none.
  await expect(recovery).not.toContainText('请恢复最近一次正常的备份');
  await expect(page.getByTestId('recovery-new-site-section')).toContainText('没有可恢复的备份');
  await expect(page.getByTestId('recovery-new-site')).toBeVisible();
  await shootBoth(page, 'recovery-no-backup', 'This is not a FrontDesk data file');

  // The confirmation is explicit: OK only after "I understand"; cancel changes nothing.
  await page.getByTestId('recovery-new-site').click();
  const dialog = page.locator('.recovery-new-site-modal .ant-modal');
  await dialogSettled(dialog, '确定新建一个空站点吗？');
  await expect(page.getByTestId('recovery-new-site-ok')).toBeDisabled();
  await page.getByTestId('recovery-new-site-understand').click();
  await expect(page.getByTestId('recovery-new-site-ok')).toBeEnabled();
  await shoot(page, 'zh-CN', 'recovery-new-site-confirm');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  expect(fs.statSync(path.join(dataDir, 'frontdesk.db')).size).toBe(0);

  await page.getByTestId('recovery-new-site').click();
  await dialogSettled(dialog, '确定新建一个空站点吗？');
  await expect(page.getByTestId('recovery-new-site-ok')).toBeDisabled();
  await page.getByTestId('recovery-new-site-understand').click();
  await page.getByTestId('recovery-new-site-ok').click();

  // The page reloads onto first-run setup; the empty file is kept aside, not deleted.
  await expect(page.getByTestId('setup-page')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('recovery-page')).toHaveCount(0);
  await expect(page.getByTestId('field-siteName')).toBeVisible();
  const kept = fs.readdirSync(dataDir).filter((f) => f.startsWith('frontdesk.db.damaged-'));
  expect(kept).toHaveLength(1);
  expect(fs.statSync(path.join(dataDir, kept[0])).size).toBe(0);
});

test('an empty data file with a good backup: the backup is offered, no new site; restoring leads to sign-in', async ({ page, build }) => {
  const good = siteWithBackup(build, dataDir);
  const later = (hms: string) => good.replace(/frontdesk-(\d{8})-(\d{6})/, (_m, d: string) => `frontdesk-${d}-${hms}`).replace(/-manual\.db$/, '-daily.db');
  // The newest backup is an empty file: listed, but not offered.
  const bad = later('235959');
  fs.writeFileSync(path.join(dataDir, 'backups', bad), '');
  // The next one looks whole to the list, but the host refuses it at restore (a damaged page).
  const broken = later('235958');
  damagedCopy(path.join(dataDir, 'backups', good), path.join(dataDir, 'backups', broken));
  emptyDataFile(dataDir);

  running = await launch(build, dataDir);
  await page.goto(running.url);
  const recovery = page.getByTestId('recovery-page');
  await expect(recovery).toBeVisible();
  await expect(recovery.locator('h1')).toHaveText('这不是 FrontDesk 的数据文件');
  await expect(page.getByTestId('setup-page')).toHaveCount(0);

  await expect(recovery).toContainText('请恢复最近一次正常的备份');

  const rows = page.getByTestId('recovery-row');
  await expect(rows).toHaveCount(3);
  const row = (name: string) => page.locator(`[data-testid="recovery-row"][data-name="${name}"]`);
  const [goodRow, badRow, brokenRow] = [row(good), row(bad), row(broken)];
  // Newest first: the empty one is on top, marked, its button disabled; "latest" and the primary button go to the next.
  await expect(rows.first()).toHaveAttribute('data-name', bad);
  await expect(badRow).toHaveAttribute('data-problem', 'empty');
  await expect(badRow.getByTestId('recovery-problem')).toHaveText('无法恢复：文件是空的');
  await expect(badRow.getByTestId('recovery-restore')).toBeDisabled();
  await expect(badRow.getByTestId('recovery-latest')).toHaveCount(0);
  await expect(brokenRow.getByTestId('recovery-latest')).toBeVisible();

  // The host's full check refuses the damaged one: its message is shown, the row is marked, nothing changed.
  await brokenRow.getByTestId('recovery-restore').click();
  // The dialog has finished opening (a click aimed during its zoom-in can miss the button).
  await dialogSettled(page.locator('.ant-modal-confirm'), /将恢复到 \d{4}-\d{2}-\d{2} 23:59/);
  await page.getByTestId('recovery-confirm').click();
  await expect(page.getByTestId('recovery-error')).toContainText('这份文件无法恢复：文件已损坏。没有做任何改动。');
  await expect(brokenRow).toHaveAttribute('data-problem', 'damaged');
  await expect(brokenRow.getByTestId('recovery-problem')).toHaveText('无法恢复：文件已损坏');
  await expect(brokenRow.getByTestId('recovery-restore')).toBeDisabled();
  expect(fs.statSync(path.join(dataDir, 'frontdesk.db')).size).toBe(0);
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('recovery-error')).toContainText('That file cannot be restored: the file is damaged. Nothing was changed.');
  await shoot(page, 'en', 'recovery-refused');
  await switchLanguage(page, 'zh-CN');
  await page.getByTestId('recovery-error').locator('.ant-alert-close-icon').click();
  await expect(page.getByTestId('recovery-error')).toHaveCount(0);

  await expect(goodRow).toHaveAttribute('data-problem', '');
  await expect(goodRow.getByTestId('recovery-latest')).toBeVisible();
  await expect(goodRow.getByTestId('recovery-restore')).toBeEnabled();
  await expect(goodRow.getByTestId('recovery-restore')).toHaveClass(/ant-btn-primary/);
  await expect(page.getByTestId('recovery-new-site')).toHaveCount(0);
  await expect(page.getByTestId('recovery-new-site-section')).toHaveCount(0);
  await shootBoth(page, 'recovery-with-backup', 'This is not a FrontDesk data file');

  await goodRow.getByTestId('recovery-restore').click();
  await dialogSettled(page.locator('.ant-modal-confirm'), '确定恢复这份备份吗？');
  await page.getByTestId('recovery-confirm').click();

  await expect(page.getByTestId('signin-page')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('signin-restored')).toBeVisible();
  await fillSignIn(page, MANAGER);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('site-name')).toHaveText('阳光花园');

  // The audit log names the command line (with the OS user) for what the CLI did: the setup in the restored file.
  await goTo(page, 'audit');
  const setupRow = page.locator('[data-testid="audit-row"][data-action="setup"]');
  await expect(setupRow).toHaveCount(1);
  await expect(setupRow).toContainText('完成初始设置');
  await expect(setupRow.getByTestId('audit-user')).toHaveText(`命令行（${os.userInfo().username}）`);
  await expect(page.locator('[data-testid="audit-row"][data-action="restore"]').first().getByTestId('audit-user')).toHaveText('系统');
});

test('after an unclean stop the first manager is told once; closed, it stays closed across pages', async ({ page, build }) => {
  cli(build, dataDir, 'init', '--site', '阳光花园', '--username', MANAGER.username, '--password', MANAGER.password, '--display-name', MANAGER.displayName);
  // Killed with the data file open, as by a power cut: it leaves its "open" marker behind.
  const first = await launch(build, dataDir);
  await stop(first, 'SIGKILL');
  expect(fs.readdirSync(dataDir).some((f) => f.startsWith('frontdesk.db.open-'))).toBe(true);

  running = await launch(build, dataDir);
  await page.goto(running.url);
  await fillSignIn(page, MANAGER);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  const notice = page.getByTestId('unclean-stop-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/FrontDesk 上次没有正常关闭（最后操作时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）。数据文件已检查，完好无损。/);
  await expect(page.getByTestId('today-page')).toBeVisible();
  await shoot(page, 'zh-CN', 'unclean-stop-notice', false);

  // It stays while moving between pages until closed; then it is gone for this page load.
  await goTo(page, 'units');
  await expect(notice).toBeVisible();
  await notice.locator('.ant-alert-close-icon').click();
  await expect(notice).toHaveCount(0);
  await goTo(page, 'audit');
  await expect(notice).toHaveCount(0);
  await expect(page.locator('[data-testid="audit-row"][data-action="unclean-stop"]').first()).toContainText('未正常关闭');
  await goTo(page, 'today');
  await expect(notice).toHaveCount(0);
});
