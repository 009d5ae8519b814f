import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, MANAGER, type RunningApp } from './fixtures';

/** Opens the app and signs in (the fixture's data dir is already set up unless seed is 'none'). */
export async function signIn(page: Page, app: RunningApp, creds: { username: string; password: string } = MANAGER): Promise<void> {
  await page.goto(app.url);
  await fillSignIn(page, creds);
  await expect(page.getByTestId('app-shell')).toBeVisible();
}

/** Fills and submits the sign-in form, which must be on screen. */
export async function fillSignIn(page: Page, creds: { username: string; password: string }): Promise<void> {
  await expect(page.getByTestId('signin-page')).toBeVisible();
  await page.getByTestId('field-username').fill(creds.username);
  await page.getByTestId('field-password').fill(creds.password);
  await page.getByTestId('signin-submit').click();
}

/** The open antd select popup (only one is open at a time). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

/**
 * Waits until the open select/autocomplete popup has finished its slide-in. While it animates it
 * first sits far off-screen (antd measures it there): a click aimed then scrolls the page and misses.
 */
export async function popupSettled(page: Page): Promise<void> {
  const popup = openDropdown(page);
  await expect(popup).toHaveCount(1);
  await expect(popup).not.toHaveClass(/slide-up-(appear|enter)/);
}

/** Opens an antd Select (by its field test id) and clicks the option whose text contains `text`. */
export async function chooseOption(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.click();
  await popupSettled(page);
  const option = openDropdown(page).locator('.ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
  await expect(openDropdown(page)).toHaveCount(0);
}

/** Goes to a page through the side navigation and waits for its title. */
export async function goTo(page: Page, key: 'today' | 'units' | 'people' | 'buildings' | 'import' | 'users' | 'audit' | 'backup' | 'settings'): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
  await expect(page.getByTestId(`${key}-page`)).toBeVisible();
}

/** Creates a building through the Buildings page. */
export async function createBuilding(page: Page, code: string, name: string): Promise<void> {
  await goTo(page, 'buildings');
  await page.getByTestId('new-building').click();
  const drawer = page.getByTestId('building-form');
  await drawer.getByTestId('field-code').fill(code);
  await drawer.getByTestId('field-name').fill(name);
  await drawer.getByTestId('form-submit').click();
  await expect(page.locator(`[data-testid="building-row"][data-code="${code}"]`)).toBeVisible();
}

/** Creates a unit through the Units page (the building must exist). */
export async function createUnit(page: Page, buildingCode: string, code: string, opts: { area?: string } = {}): Promise<void> {
  await goTo(page, 'units');
  await page.getByTestId('new-unit').click();
  const form = page.getByTestId('unit-form');
  await chooseOption(page, form.getByTestId('field-buildingId'), new RegExp(`^${escapeRe(buildingCode)} · `));
  await form.getByTestId('field-code').fill(code);
  if (opts.area) await form.getByTestId('field-areaM2').fill(opts.area);
  await form.getByTestId('form-submit').click();
  await expect(form).toHaveCount(0);
  await expect(unitRow(page, code)).toBeVisible();
}

export function unitRow(page: Page, code: string): Locator {
  return page.locator(`[data-testid="unit-row"][data-code="${code}"]`);
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A fresh temp dir for files a test uploads; removed by the caller or left to the OS. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-files-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Switches the UI language with the header switch and waits until the nav shows it. */
export async function switchLanguage(page: Page, lng: 'zh-CN' | 'en'): Promise<void> {
  await page.getByTestId(lng === 'en' ? 'lang-en' : 'lang-zh').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
}

/** Calls a channel with the page's session (the browser shell's cookie); expects it to succeed and returns its value. */
export async function api<T = Record<string, unknown>>(page: Page, app: RunningApp, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(new URL(`/api/${channel}`, app.url).toString(), { data: input });
  expect(r.ok()).toBe(true);
  const body = (await r.json()) as { ok: boolean; value?: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value!;
}

/** Signs out and in again as another user. */
export async function switchUser(page: Page, u: { username: string; password: string; displayName: string }): Promise<void> {
  await page.getByTestId('sign-out').click();
  await fillSignIn(page, u);
  await expect(page.getByTestId('user-name')).toHaveText(u.displayName);
}
