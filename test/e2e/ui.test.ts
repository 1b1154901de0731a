// Browser tests: the web UI in real headless Chromium — load, filter, network edge → events, an event and a report
// opened by id, map zoom and pan, timeline brush, threads → step → strongest report, a phone's width, dark mode,
// counts that agree with the CLI and the API, empty states, and hostile text that never runs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventsCommand, memoryIo } from '../../src/cli/commands/events.js';
import { CHROMIUM, HOSTILE, uiFixture, watchedPage, type UiFixture } from './ui-fixture.js';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium) — browser tests skipped`;
/** Screenshots for the docs are written only when asked: DYAD_SCREENSHOTS=1. */
const SHOTS = process.env['DYAD_SCREENSHOTS'] ? 'docs/screenshots' : null;

/** The few SVGPathElement members used in the page (the test code has no DOM types). */
interface SvgPath {
  getTotalLength(): number;
  getPointAtLength(at: number): { x: number; y: number };
  getScreenCTM(): { a: number; b: number; c: number; d: number; e: number; f: number } | null;
}

let fx: UiFixture;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function open(path: string): Promise<void> {
  await page.goto(`${fx.url}${path}`);
  await ready();
}

async function ready(): Promise<void> {
  await page.waitForSelector('main#view[data-ready="true"], #empty-state', { timeout: 15_000 });
}

async function shot(name: string): Promise<void> {
  if (SHOTS === null) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Anything hostile text could have become: a dialog, a flag set by script, or a live element or handler. */
async function assertNothingInjected(where: string): Promise<void> {
  assert.deepEqual(dialogs, [], `${where}: no dialog opened`);
  const found = await page.evaluate<Record<string, unknown>>(`(() => ({
    flag: window.__xss ?? null,
    scripts: [...document.scripts].filter((s) => !/\\/assets\\/index-[\\w-]+\\.js$/.test(s.src)).length,
    imgs: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe').length,
    bold: document.querySelectorAll('#app b').length,
    handlers: [...document.querySelectorAll('#app *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
  }))()`);
  assert.deepEqual(found, { flag: null, scripts: 0, imgs: 0, iframes: 0, bold: 0, handlers: 0, jsLinks: 0 }, where);
}

/**
 * A browser test: skipped one by one when Chromium is missing, so that the summary counts every test skipped
 * (a skipped suite counts none of its tests).
 */
function browserTest(name: string, fn: () => Promise<void>, options: { skip?: string | false } = {}): void {
  it(name, { skip: skip || options.skip || false }, fn);
}

describe('web UI in Chromium', () => {
  before(async () => {
    if (skip) return;
    fx = await uiFixture();
    page = await watchedPage(fx, dialogs, pageErrors);
  });
  after(async () => {
    if (fx) await fx.dispose();
  });

  browserTest('loads the timeline on the sample store', async () => {
    await open('/');
    assert.ok(await page.locator('.timeline-chart .bar').count() > 0, 'bars are drawn');
    assert.ok(await page.locator('.series-chart path.series').count() === 2, 'the dyad series has two directions');
    const stats = (await (await fetch(`${fx.url}/api/stats`)).json()) as { events: number; reports: number; articles: number };
    assert.ok(stats.events < stats.reports, 'reports of one event are merged');
    assert.match(await page.locator('#counts').innerText(), new RegExp(`^${stats.events} events · ${stats.reports} reports · ${stats.articles} articles`));
    assert.match(await page.locator('#timeline-count').innerText(), new RegExp(`${stats.events} events from ${stats.reports} reports`));
  });

  browserTest('applies a filter from the filters bar and keeps it in the URL', async () => {
    await open('/?view=events');
    await page.fill('input[name="source"]', 'CHN');
    await page.check('input[name="quad"][value="2"]');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/source=CHN/);
    await ready();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('source'), 'CHN');
    assert.equal(url.searchParams.get('quad'), '2');
    const rows = page.locator('tr.event-row');
    assert.ok(await rows.count() >= 1);
    for (const text of await rows.locator('td:nth-child(2)').allInnerTexts()) assert.match(text, /CHN/);
    await page.reload();
    await ready();
    assert.equal(await page.inputValue('input[name="source"]'), 'CHN', 'the filter survives a reload');
    const gdelt = await page.locator('.exports a', { hasText: 'GDELT' }).getAttribute('href');
    assert.equal(gdelt, '/api/export?source=CHN&quad=2&as=gdelt', 'exports carry the filters');
    const exported = await fetch(`${fx.url}${gdelt}`);
    assert.equal(exported.status, 200);
  });

  browserTest('opens the network and clicks an edge to list its events', async () => {
    await open('/?view=network');
    const edge = page.locator('.edge[data-source="CHN"][data-target="IRQ"] path.edge-line');
    await edge.waitFor();
    // Click the middle of the drawn line, as a user would (the box's centre may lie off a curved edge).
    const point = await edge.evaluate((path: SvgPath) => {
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM() ?? { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector('.edge-events tr.event-row');
    assert.match(page.url(), /edge=CHN%3EIRQ/);
    const api = (await (await fetch(`${fx.url}/api/events?source=CHN&target=IRQ`)).json()) as { events: unknown[] };
    assert.equal(await page.locator('.edge-events tr.event-row').count(), api.events.length);
  });

  browserTest('opens a report and shows its evidence with source, trigger and target highlighted', async () => {
    await open('/?view=events&level=reports&source=TUR&target=IRQ');
    await page.locator('tr.event-row').first().click();
    await page.waitForSelector('.evidence-sentence');
    await ready();
    const marks = async (kind: string): Promise<string[]> => page.locator(`.evidence-sentence mark.hl-${kind}`).allInnerTexts();
    assert.deepEqual(await marks('source'), ['Turkey']);
    assert.deepEqual(await marks('trigger'), ['handed']);
    assert.deepEqual(await marks('target'), ['Iraqi navy']);
    assert.deepEqual(await marks('item'), ['two patrol boats']);
    assert.equal(await page.locator('.article-text mark.sentence').innerText(), 'Turkey handed two patrol boats to the Iraqi navy in Basra.');
    assert.match(await page.locator('dl.event-facts').innerText(), /patrol-boat/);
  });

  browserTest('opens the threads view, a thread\'s evidence, and a step to its event with every report of it', async () => {
    const api = (await (await fetch(`${fx.url}/api/threads`)).json()) as { threads: { id: string; supplier: string; steps: { evidence: string[] }[] }[]; total: number };
    await open('/?view=threads');
    assert.equal(await page.locator('li.thread').count(), api.total);
    const china = api.threads.find((t) => t.supplier === 'CHN');
    assert.ok(china, 'the sample store has a China → Iraq thread');
    const card = page.locator(`li.thread[data-thread-id="${china.id}"]`);
    assert.equal(await card.locator('li.step').count(), china.steps.length);
    assert.match(await card.locator('.status').innerText(), /partly fulfilled/);
    assert.deepEqual(await card.locator('li.step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-role'))),
      ['request', 'offer', 'request', 'delivery', 'delivery']);
    await card.locator('.thread-head a', { hasText: 'show evidence' }).click();
    await page.waitForSelector('li.thread.open .thread-evidence');
    assert.match(page.url(), /thread=t-c-/);
    const reports = china.steps.reduce((n, step) => n + step.evidence.length, 0);
    assert.equal(await page.locator('li.thread.open .thread-evidence li.mention').count(), reports);
    assert.ok(await page.locator('li.thread.open .thread-evidence .mention-sentence mark.hl-trigger').count() >= reports);
    // The delivery reported by two outlets: its step opens its strongest report, which lists both reports of its event.
    const step = page.locator('li.thread.open li.step[data-cluster="c-drones-2020.txt:2:3"]');
    assert.equal(await step.getAttribute('data-lead'), 'drones-2020.txt:2:3');
    await step.locator('a').click();
    await page.waitForURL(/view=event/);
    await ready();
    assert.equal(new URL(page.url()).searchParams.get('id'), 'drones-2020.txt:2:3');
    assert.equal(await page.locator('.happening li.mention .strongest-tag').count(), 1);
    assert.deepEqual(await page.locator('.evidence-sentence mark.hl-trigger').allInnerTexts(), ['delivered']);
    const mentions = page.locator('.happening li.mention');
    assert.equal(await mentions.count(), 2);
    assert.deepEqual(await mentions.locator('.outlet').allInnerTexts(), ['Gulf Ledger', 'Euphrates Wire']);
    assert.match(await page.locator('dl.cluster-facts').innerText(), /2 independent sources/);
    assert.match(await page.locator('dl.cluster-facts').innerText(), /Euphrates Wire, Gulf Ledger/);
    assert.equal(await page.locator('.happening li.mention.current').count(), 1);
    await mentions.nth(1).locator('a', { hasText: 'open this report' }).click();
    await page.waitForURL(/id=rifles-wire-2020\.txt/);
    await ready();
    assert.match(await page.locator('.article h2').innerText(), /Rifles reach Iraq/);
    assert.equal(await page.locator('.happening li.mention').count(), 2);
  });

  browserTest('filters threads from the shared filters bar, kept in the URL, and says when none match', async () => {
    await open('/?view=threads');
    await page.fill('input[name="actor"]', 'TUR');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/actor=TUR/);
    await ready();
    assert.equal(new URL(page.url()).searchParams.get('view'), 'threads');
    assert.deepEqual(await page.locator('li.thread .parties').allInnerTexts(), ['TUR → IRQ']);
    await page.reload();
    await ready();
    assert.equal(await page.locator('li.thread').count(), 1, 'the filter survives a reload');
    await page.selectOption('select[name="outcome"]', 'refused');
    await page.waitForURL(/outcome=refused/);
    await ready();
    assert.match(await page.locator('#threads-empty').innerText(), /No threads match/);
    await open('/?view=threads&actor=USA&code=07*');
    assert.match(await page.locator('#threads-empty').innerText(), /No threads match/);
    assert.match(await page.locator('.threads-panel .note').innerText(), /Not applied to threads: CAMEO/);
  });

  browserTest('draws the map with country shapes and event places coloured by quad class, with a legend, zoom and pan', async () => {
    await open('/?view=map');
    assert.ok(await page.locator('.map-chart path.country').count() > 150, 'country shapes');
    const places = page.locator('.map-chart .place');
    assert.ok(await places.count() >= 3, 'Baghdad, Basra, Beijing');
    const fills = new Set(await places.locator('circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill'))));
    assert.ok(fills.size >= 2, `points take their quad class's colour: ${[...fills].join(', ')}`);
    assert.equal(await page.locator('.map-legend .legend-quad').count(), 4);
    assert.ok(await page.locator('.map-legend .legend-shade').count() >= 2, 'the shading has a legend');
    const chart = page.locator('svg.map-chart');
    const before = await chart.getAttribute('viewBox');
    await page.click('.map-controls .zoom-in');
    const zoomed = await chart.getAttribute('viewBox');
    assert.notEqual(zoomed, before, 'the + button zooms');
    assert.match(page.url(), /zoom=/, 'the zoom is kept in the URL');
    const box = await chart.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await chart.getAttribute('viewBox'), zoomed, 'a drag pans');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction("Number(document.querySelector('svg.map-chart')?.getAttribute('data-zoom')) > 1.6");
    await page.reload();
    await ready();
    assert.notEqual(await chart.getAttribute('viewBox'), before, 'the zoom survives a reload');
    await page.click('.map-controls .zoom-reset');
    await places.first().click();
    await page.waitForSelector('.place-events tr.event-row');
  });

  browserTest('narrows every view to the dates dragged across the timeline (the brush)', async () => {
    await open('/?by=year');
    const bars = page.locator('.timeline-chart .bar');
    const n = await bars.count();
    assert.ok(n >= 2, 'two years at least');
    const first = await bars.first().boundingBox();
    const last = await bars.last().boundingBox();
    assert.ok(first && last);
    await page.mouse.move(first.x + first.width / 2, first.y + first.height - 2);
    await page.mouse.down();
    await page.mouse.move(last.x + last.width / 2, last.y + last.height - 2, { steps: 6 });
    await page.mouse.up();
    await page.waitForURL(/since=/);
    await ready();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('since'), await bars.first().getAttribute('data-period'));
    assert.equal(url.searchParams.get('until'), await bars.last().getAttribute('data-period'));
    assert.equal(url.searchParams.get('view'), 'timeline');
  });

  browserTest('opens ids of both kinds: an event (c-…) with every report, and a report with its article', async () => {
    const events = (await (await fetch(`${fx.url}/api/events?source=CHN&status=delivered`)).json()) as { events: { id: string; mentionCount: number; lead: { id: string } }[] };
    const delivery = events.events.find((e) => e.mentionCount === 2);
    assert.ok(delivery);
    await open(`/?view=event&id=${encodeURIComponent(delivery.id)}`);
    assert.equal(await page.locator('.event-detail').getAttribute('data-event-id'), delivery.id);
    assert.equal(await page.locator('.happening li.mention').count(), 2);
    assert.deepEqual(await page.locator('.evidence-sentence mark.hl-trigger').allInnerTexts(), ['delivered']);
    await page.locator('.event-detail p.note a', { hasText: 'Open this report' }).click();
    await page.waitForURL(/article=/);
    await ready();
    assert.equal(await page.locator('.report-detail').getAttribute('data-report-id'), delivery.lead.id);
    await open(`/?view=event&id=${encodeURIComponent(delivery.lead.id)}`);
    assert.equal(await page.locator('.report-detail').getAttribute('data-report-id'), delivery.lead.id, 'a report id without its article opens too');
    await open('/?view=event&id=c-nothing-here');
    assert.match(await page.locator('.error').innerText(), /no event or report with id/);
  });

  browserTest('counts the same events in the CLI, the API and the UI on the bundled samples', async () => {
    const base = await fx.samplesUrl();
    const stats = (await (await fetch(`${base}/api/stats`)).json()) as { events: number; reports: number; articles: number };
    const io = memoryIo();
    await eventsCommand(io).parseAsync(['--db', fx.samplesDb, '--limit', '0', '--format', 'jsonl'], { from: 'user' });
    const cliEvents = io.out.trim().split('\n').filter(Boolean).length;
    const reports = memoryIo();
    await eventsCommand(reports).parseAsync(['--db', fx.samplesDb, '--limit', '0', '--format', 'jsonl', '--level', 'reports'], { from: 'user' });
    assert.equal(cliEvents, stats.events, 'dyad events --limit 0 prints one row per event');
    assert.equal(reports.out.trim().split('\n').length, stats.reports);
    await page.goto(`${base}/?view=events`);
    await ready();
    assert.match(await page.locator('#counts').innerText(), new RegExp(`^${stats.events} events · ${stats.reports} reports · ${stats.articles} articles`));
    assert.equal((await page.locator('#list-count').innerText()).trim(), `· ${stats.events} of ${stats.events} in the store`);
    assert.equal(await page.locator('tr.event-row').count(), stats.events);
    await page.goto(`${base}/`);
    await ready();
    assert.match(await page.locator('#timeline-count').innerText(), new RegExp(`events from ${stats.reports} reports`));
  });

  browserTest('fits a phone\'s width in every view, and follows the system into dark mode', async () => {
    const phone = await fx.browser.newPage({ viewport: { width: 390, height: 800 }, colorScheme: 'dark' });
    try {
      for (const view of ['timeline', 'network', 'map', 'events', 'threads']) {
        await phone.goto(`${fx.url}/?view=${view}`);
        await phone.waitForSelector('main#view[data-ready="true"]');
        const widths = await phone.evaluate<number[]>('[document.documentElement.scrollWidth, window.innerWidth]');
        assert.ok((widths[0] as number) <= (widths[1] as number), `${view}: the page is no wider than the phone (${widths.join(' > ')})`);
      }
      const background = await phone.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      assert.ok((r ?? 255) + (g ?? 255) + (b ?? 255) < 150, `dark background: ${background}`);
    } finally {
      await phone.close();
    }
  });

  browserTest('shows a new user how to add articles when the store is empty', async () => {
    await page.goto(fx.emptyUrl);
    await page.waitForSelector('#empty-state');
    assert.match(await page.locator('#empty-state').innerText(), /dyad ingest PATH/);
  });

  browserTest('saves a screenshot of each view on the bundled samples (DYAD_SCREENSHOTS=1)', async () => {
    const base = await fx.samplesUrl();
    const visit = async (path: string): Promise<void> => {
      await page.goto(`${base}${path}`);
      await ready();
    };
    await visit('/');
    await shot('timeline');
    await visit('/?view=network');
    await page.locator('.edge path.edge-line').first().waitFor();
    const edge = await page.locator('.edge').first();
    const key = `${await edge.getAttribute('data-source')}>${await edge.getAttribute('data-target')}`;
    await visit(`/?view=network&edge=${encodeURIComponent(key)}`);
    await page.waitForSelector('.edge-events tr.event-row');
    await shot('network');
    await visit('/?view=map');
    await page.locator('.map-chart .place').first().click();
    await page.waitForSelector('.place-events tr.event-row');
    await shot('map');
    await visit('/?view=events&status=requested,offered,pledged,delivered,refused');
    await shot('events');
    const threads = (await (await fetch(`${base}/api/threads?party=CHN&kind=military`)).json()) as { threads: { id: string }[] };
    await visit(`/?view=threads${threads.threads[0] ? `&thread=${encodeURIComponent(threads.threads[0].id)}` : ''}`);
    await page.waitForSelector('li.thread');
    await shot('threads');
    await visit('/?view=events&item=rifles&source=CHN');
    await page.locator('tr.event-row').first().click();
    await page.waitForSelector('.evidence-sentence');
    await ready();
    await shot('event');
    await page.locator('.event-detail p.note a', { hasText: 'Open this report' }).click();
    await page.waitForSelector('.article-text');
    await ready();
    await shot('report');
    const phone = await fx.browser.newPage({ viewport: { width: 390, height: 800 }, colorScheme: 'dark' });
    await phone.goto(`${base}/?view=events`);
    await phone.waitForSelector('main#view[data-ready="true"]');
    await phone.screenshot({ path: `${SHOTS}/phone-dark.png`, fullPage: true });
    await phone.close();
    await page.goto(fx.emptyUrl);
    await page.waitForSelector('#empty-state');
    await shot('empty');
  }, { skip: SHOTS === null ? 'screenshots not asked for' : false });

  browserTest('shows a hostile article in every view as text, and nothing in it runs', async () => {
    const doc = encodeURIComponent(HOSTILE.id);
    for (const view of ['timeline', 'network', 'map', 'events', 'threads']) {
      await open(`/?view=${view}&doc=${doc}`);
      await assertNothingInjected(view);
    }
    // The hostile article's delivery joined the China → Iraq thread: its evidence shows the hostile text, inert.
    const hostileIds = new Set(((await (await fetch(`${fx.url}/api/events?level=reports&doc=${doc}`)).json()) as { reports: { id: string }[] }).reports.map((e) => e.id));
    const threads = (await (await fetch(`${fx.url}/api/threads?party=CHN`)).json()) as { threads: { id: string; steps: { evidence: string[] }[] }[] };
    const hostileThread = threads.threads.find((t) => t.steps.some((s) => s.evidence.some((id) => hostileIds.has(id))));
    assert.ok(hostileThread, 'a hostile report is a step of a thread');
    await open(`/?view=threads&thread=${encodeURIComponent(hostileThread.id)}`);
    await page.waitForSelector('li.thread.open .thread-evidence');
    await page.hover('li.thread.open .thread-evidence');
    await assertNothingInjected('threads with evidence');
    const shown = await page.locator('li.thread.open .thread-evidence').innerText();
    assert.ok(shown.includes('<script>window.__xss="source";alert("source")</script>Wire'), 'the hostile outlet is shown as text');
    assert.ok(shown.includes('<img src=x onerror='), 'the hostile title is shown as text');
    await open(`/?view=events&doc=${doc}`);
    await assertNothingInjected('events of the hostile article');
    await page.locator('tr.event-row').first().click();
    await page.waitForSelector('.event-detail');
    await ready();
    await assertNothingInjected('an event of the hostile article');
    await open(`/?view=events&level=reports&doc=${doc}`);
    const rows = page.locator('tr.event-row');
    const n = await rows.count();
    assert.ok(n >= 2, `the hostile article was coded (${n} reports)`);
    for (let i = 0; i < n; i++) {
      await open(`/?view=events&level=reports&doc=${doc}`);
      await page.locator('tr.event-row').nth(i).click();
      await page.waitForSelector('.article-text');
      await ready();
      await page.hover('.article-text');
      await assertNothingInjected(`event ${i}`);
    }
    const text = await page.locator('.article-text').innerText();
    assert.ok(text.includes('<script>window.__xss="script";alert("script")</script>'), 'the markup is shown as text');
    assert.ok((await page.locator('.article h2').innerText()).includes('<img src=x'), 'the title is shown as text');
    assert.equal(await page.locator('.article .meta a').count(), 0, 'a javascript: URL is never a link');
    await shot('hostile');
    assert.deepEqual(pageErrors, [], 'no script error in the page');
  });
});
