// The packaged extension in the same VS Code as `npm start`, driven through the browser as a
// person would: keyboard, Quick Open, command palette, status bar.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { repoRoot, samplesFolder } from '../../scripts/test-host/paths.mjs';
import { focusedQuickPickRow as focusedRow, openBrowserWorkbench, quickInput as quickInputOf, setupLimitMs } from './browserWorkbench.mjs';

const sampleName = readdirSync(samplesFolder).filter((name) => name.endsWith('.clip')).sort()[0];
const screenshotFile = join(repoRoot, 'test-results', 'e2e', 'editor.png');
// README shows this one; it is replaced only on request, so a test run leaves git clean.
const readmeScreenshot = join(repoRoot, 'docs', 'images', 'editor.png');

describe('the packaged extension in the browser workbench', function () {
  let workbench;
  let page;

  const statusBarItem = (id) => page.locator(`[id="${id}"]`);
  const quickInput = () => quickInputOf(page);
  const focusedQuickPickRow = (text) => focusedRow(page, text);

  before(async function () {
    this.timeout(setupLimitMs);
    assert.ok(sampleName, 'samples/ has a .clip file');
    workbench = await openBrowserWorkbench(samplesFolder);
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
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
