// Browser tests: the corrections panel of the event page in headless Chromium — edit, split, undo, a wrong token refused,
// reject; each seen in the page and in the API, and nothing of an article's text running in the panel.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, TOKEN, uiFixture, watchedPage, type UiFixture } from './ui-fixture.js';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium) — browser tests skipped`;
/** The panel's screenshot for the docs is written only when asked: DYAD_SCREENSHOTS=1. */
const SHOTS = process.env['DYAD_SCREENSHOTS'] ? 'docs/screenshots' : null;
const DELIVERY = 'drones-2020.txt:2:3';
const SECOND = 'rifles-wire-2020.txt:1:1';

let fx: UiFixture;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function ready(): Promise<void> {
  await page.waitForSelector('main#view[data-ready="true"]', { timeout: 15_000 });
}

async function openEvent(id: string): Promise<void> {
  await page.goto(`${fx.url}/?view=event&id=${encodeURIComponent(id)}`);
  await ready();
  await page.waitForSelector('.corrections .correction-log li:not(.muted), .corrections .correction-log li.muted:not(:has-text("Loading"))');
}

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(`${fx.url}${path}`)).json()) as T;
}

describe('corrections panel in Chromium', { skip }, () => {
  before(async () => {
    fx = await uiFixture();
    page = await watchedPage(fx, dialogs, pageErrors);
  });
  after(async () => {
    if (fx) await fx.dispose();
  });

  it('edits an event\'s source and status: the page, its log and the API show the corrected event', async () => {
    await openEvent(DELIVERY);
    assert.equal(await page.locator('.corrections .correction-log').innerText(), 'No corrections yet.');
    await page.fill('.corrections input[name="token"]', TOKEN);
    await page.fill('.corrections input[name="by"]', 'Ana Analyst');
    await page.fill('.corrections input[name="reason"]', 'the wire names Greece');
    await page.fill('.corrections input[name="source"]', 'grc');
    await page.selectOption('.corrections select[name="status"]', 'pledged');
    await page.click('.corrections button.save-edit');
    await page.waitForSelector('.corrections .correction-log li:has-text("edited source CHN → GRC")');
    await ready();
    assert.match(await page.locator('dl.event-facts').innerText(), /\(GRC\)/);
    assert.match(await page.locator('dl.event-facts').innerText(), /Status\s+pledged/);
    assert.match(await page.locator('.corrections .correction-log').innerText(), /Ana Analyst: edited source CHN → GRC, status delivered → pledged — “the wire names Greece”/);
    const reports = await api<{ reports: { id: string }[] }>('/api/events?source=GRC&level=reports');
    assert.deepEqual(reports.reports.map((e) => e.id).sort(), [DELIVERY, SECOND].sort());
    if (SHOTS !== null) {
      mkdirSync(SHOTS, { recursive: true });
      await page.locator('.corrections').screenshot({ path: `${SHOTS}/corrections.png` });
    }
  });

  it('splits a report out of the event, and undoes the split from the log', async () => {
    await openEvent(DELIVERY);
    assert.equal(await page.locator('.happening li.mention').count(), 2);
    await page.check(`.corrections input[name="split-report"][value="${SECOND}"]`);
    await page.click('.corrections button.split');
    await page.waitForSelector('.corrections .correction-log li:has-text("split 1 report out")');
    await ready();
    assert.equal(await page.locator('.happening li.mention').count(), 1);
    assert.equal((await api<{ cluster: { mentionIds: string[] } }>(`/api/clusters/c-${SECOND}`)).cluster.mentionIds.length, 1);
    await page.locator('.corrections .correction-log li', { hasText: 'split 1 report out' }).locator('button.undo').click();
    await page.waitForSelector('.corrections .correction-log li.undone:has-text("split 1 report out")');
    await ready();
    assert.equal(await page.locator('.happening li.mention').count(), 2);
  });

  it('refuses a wrong token with the server\'s message and stores nothing', async () => {
    await openEvent(DELIVERY);
    const before = (await api<{ total: number }>('/api/corrections')).total;
    await page.fill('.corrections input[name="token"]', 'not-the-token');
    await page.click('.corrections button.reject');
    await page.waitForSelector('.corrections .correction-message.error');
    assert.match(await page.locator('.corrections .correction-message').innerText(), /Bearer TOKEN/);
    assert.equal((await api<{ total: number }>('/api/corrections')).total, before);
  });

  it('rejects the event: back to the list, which no longer holds it', async () => {
    await openEvent(DELIVERY);
    await page.fill('.corrections input[name="token"]', TOKEN);
    await page.click('.corrections button.reject');
    await page.waitForURL(/view=events/);
    await ready();
    const listed = await page.locator('tr.event-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id')));
    assert.ok(listed.length > 0);
    assert.equal(listed.includes(DELIVERY) || listed.includes(SECOND), false);
    assert.equal((await fetch(`${fx.url}/api/events/${encodeURIComponent(DELIVERY)}`)).status, 404);
  });

  it('shows a hostile article\'s reports in the panel as text: nothing runs', async () => {
    const hostile = (await api<{ events: { id: string }[] }>(`/api/events?doc=${encodeURIComponent('hostile-<b>doc</b>.txt')}`)).events;
    assert.ok(hostile.length > 0);
    await openEvent(hostile[0]?.id ?? '');
    assert.ok(await page.locator('.corrections').count() === 1);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate('window.__xss ?? null'), null);
    assert.equal(await page.locator('.corrections img, .corrections script, .corrections iframe, .corrections b').count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
