// The packaged extension in the same VS Code as `npm start`, driven through the browser as a
// person would: keyboard, Quick Open, command palette, status bar.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { launchChromium } from '../../scripts/test-host/chromium.mjs';
import { choosePort } from '../../scripts/test-host/code-server.mjs';
import { ensureHost } from '../../scripts/test-host/host-install.mjs';
import { startPackagedWorkbench } from '../../scripts/test-host/packaged-workbench.mjs';
import { repoRoot, samplesFolder } from '../../scripts/test-host/paths.mjs';

const sampleName = readdirSync(samplesFolder).filter((name) => name.endsWith('.clip')).sort()[0];
const screenshotFile = join(repoRoot, 'test-results', 'e2e', 'editor.png');
// README shows this one; it is replaced only on request, so a test run leaves git clean.
const readmeScreenshot = join(repoRoot, 'docs', 'images', 'editor.png');
// Installing the host on a fresh machine takes minutes, once.
const setupLimitMs = 10 * 60_000;

describe('the packaged extension in the browser workbench', function () {
  let workbench;
  let browser;
  let page;

  const statusBarItem = (id) => page.locator(`[id="${id}"]`);
  const quickInput = () => page.locator('.quick-input-widget input');
  const focusedQuickPickRow = (text) => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text });

  before(async function () {
    this.timeout(setupLimitMs);
    assert.ok(sampleName, 'samples/ has a .clip file');
    const host = await ensureHost();
    workbench = await startPackagedWorkbench({ host, port: await choosePort(), folder: samplesFolder });
    browser = await launchChromium(host);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Shorter than mocha's timeout, so that a failure names what it was waiting for.
    page.setDefaultTimeout(15_000);
    await page.goto(workbench.url);
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
  });

  after(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  it(`opens ${sampleName} through Quick Open`, async () => {
    await page.keyboard.press('Control+P');
    await quickInput().pressSequentially(sampleName);
    await focusedQuickPickRow(sampleName).waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${sampleName}"]`).waitFor();
  });

  it('shows the clipping language in the status bar', async () => {
    await statusBarItem('status.editor.mode').filter({ hasText: 'Press Clipping' }).waitFor();
  });

  it('moves the cursor to the title picked in "Clippings: Go to Article"', async () => {
    await statusBarItem('status.editor.selection').filter({ hasText: 'Ln 1,' }).waitFor();
    await page.keyboard.press('F1');
    await quickInput().pressSequentially('Clippings: Go to Article');
    await focusedQuickPickRow('Clippings: Go to Article').waitFor();
    await page.keyboard.press('Enter');
    // The article list replaces the command list: its labels are numbered titles.
    await page.locator('.quick-input-list .label-name', { hasText: /^1\. / }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const picked = await focusedQuickPickRow().locator('.label-name').innerText();
    await page.keyboard.press('Enter');

    const title = picked.replace(/^\d+\.\s*/, '');
    const lines = readFileSync(join(samplesFolder, sampleName), 'utf8').split(/\r?\n/);
    const titleLine = lines.findIndex((line) => line.trim() === title) + 1;
    assert.ok(titleLine > 1, `"${title}" is a line of ${sampleName}`);
    await statusBarItem('status.editor.selection').filter({ hasText: `Ln ${titleLine},` }).waitFor();
  });

  it('takes a screenshot of the editor showing the clipping and its outline', async () => {
    const outlineHeader = page.locator('.pane-header', { hasText: 'Outline' });
    if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
    await page.locator('.outline-pane .monaco-list-row').first().waitFor();
    mkdirSync(dirname(screenshotFile), { recursive: true });
    await page.screenshot({ path: screenshotFile });
    assert.ok(readFileSync(screenshotFile).length > 10_000, 'the screenshot has content');
    if (!existsSync(readmeScreenshot) || process.env.CLIPPINGS_UPDATE_SCREENSHOT === '1') {
      mkdirSync(dirname(readmeScreenshot), { recursive: true });
      copyFileSync(screenshotFile, readmeScreenshot);
    }
  });
});
