// Drives Debian's chromium with playwright-core (DashboardBrowserIT runs it):
//   node dashboard-e2e.cjs URL ACTION_ID STORY_TITLE
// Opens the dashboard, waits for the live feed, prints READY, then waits for the regulatory
// action, its alert and the story the test publishes to appear, without a reload. Exit 0: seen.
"use strict";
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [url, actionId, storyTitle] = process.argv.slice(2);
const WAIT = { timeout: 90000 };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    page.on("console", m => console.error(`console.${m.type()}: ${m.text()}`));
    page.on("pageerror", e => console.error(`pageerror: ${e}`));
    let navigations = 0;
    page.on("framenavigated", f => { if (f === page.mainFrame()) navigations++; });

    await page.goto(url);
    await page.waitForSelector('#live-status[data-state="open"]', WAIT);
    const pageId = await page.evaluate(() => window.__policywirePage);
    if (await page.$(`#actions li[data-action-id="${actionId}"]`)) {
      throw new Error(`${actionId} was on the page before it was published`);
    }
    console.log("READY");

    await page.waitForSelector(`#actions li[data-action-id="${actionId}"]`, WAIT);
    await page.waitForSelector(`#alerts li[data-alert-id="${actionId}"]`, WAIT);
    await page.waitForFunction(title => [...document.querySelectorAll("#stories .title")]
        .some(e => e.textContent === title), storyTitle, WAIT);

    if (await page.evaluate(() => window.__policywirePage) !== pageId || navigations !== 1) {
      throw new Error(`the page reloaded (${navigations} navigations)`);
    }
    const action = await page.textContent(`#actions li[data-action-id="${actionId}"]`);
    if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
    console.log(`SEEN ${action.replace(/\s+/g, " ").trim()}`);
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e.stack || String(e)); process.exit(1); });
