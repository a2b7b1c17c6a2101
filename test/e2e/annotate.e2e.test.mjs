// Tagging a speaker in the packaged extension, through the browser as a person would: Quick
// Open, Go to Line, a keyboard selection, the command palette, the speaker picker. Then the
// sidecar on disk, the status bar count, the highlight and its hover.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { parse } from 'yaml';
import { stopOnExit } from '../../scripts/test-host/cleanup.mjs';
import { repoRoot, samplesFolder } from '../../scripts/test-host/paths.mjs';
import { focusedQuickPickRow as focusedRow, openBrowserWorkbench, quickInput as quickInputOf, setupLimitMs } from './browserWorkbench.mjs';

const sampleName = 'water-summit-2024-03-14.clip';
const screenshotFile = join(repoRoot, 'test-results', 'e2e', 'annotate.png');
// README shows this one; it is replaced only on request, so a test run leaves git clean.
const readmeScreenshot = join(repoRoot, 'docs', 'images', 'annotate.png');

// The samples are copied: tagging writes a sidecar and a speaker registry beside them.
function samplesCopy() {
  const folder = mkdtempSync(join(tmpdir(), 'clippings-e2e-samples-'));
  cpSync(samplesFolder, folder, { recursive: true });
  stopOnExit(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** The first `Name: words` line of an article body: its 1-based line, the name and the words. */
function firstSpeakerLine(text) {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((candidate) => /^\p{L}[\p{L} ]{1,30}: \S/u.test(candidate));
  assert.ok(line > 0, `${sampleName} has a "Name: words" line`);
  const [name, words] = lines[line].split(/: (.*)/s);
  return { lineNumber: line + 1, name, words };
}

const explorerRow = (page, name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });

/**
 * Resolves once the Explorer follows `folder` on disk. VS Code starts watching the workspace
 * folder only after the window is restored and idle (its WorkspaceWatcher is an AfterRestored
 * contribution in 1.139), seconds after the Explorer first lists the folder: a file created or
 * deleted in between, by the extension or anyone, is never seen by the Explorer. So, once the
 * Explorer shows `listed`, files are written until one shows, then removed until none does.
 */
async function explorerFollowsDisk(page, folder, listed, timeoutMs = 15_000) {
  // Written before the first listing, a file would show without any watcher.
  await explorerRow(page, listed).waitFor();
  const probes = explorerRow(page, 'watch-probe-');
  const written = [];
  const deadline = Date.now() + timeoutMs;
  while ((await probes.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`the Explorer showed none of ${written.length} files written to ${folder}: VS Code does not watch it`);
    written.push(join(folder, `watch-probe-${written.length}`));
    writeFileSync(written.at(-1), '');
    await page.waitForTimeout(250);
  }
  for (const probe of written) rmSync(probe);
  await probes.first().waitFor({ state: 'detached' });
}

async function waitForFile(file, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readFileSync(file, 'utf8');
}

describe('tagging a speaker in the browser workbench', function () {
  let workspace;
  let workbench;
  let page;
  let speakerLine;

  const quickInput = () => quickInputOf(page);
  const focusedQuickPickRow = (text) => focusedRow(page, text);
  // Typing before the widget shows its prefix would type into the editor instead.
  const openQuickInput = async (key, prefix) => {
    await page.keyboard.press(key);
    await page.waitForFunction((expected) => globalThis.document.querySelector('.quick-input-widget input')?.value === expected, prefix);
  };
  // Go to Line takes `line:column`: the cursor goes just after "Name: ", where the words start.
  const goToWords = async () => {
    const wordsColumn = speakerLine.name.length + 3;
    await openQuickInput('Control+G', ':');
    await quickInput().pressSequentially(`${speakerLine.lineNumber}:${wordsColumn}`);
    // Enter before the widget has read the line and column does nothing: wait for its answer.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: `${speakerLine.lineNumber}` }).filter({ hasText: `${wordsColumn}` }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${speakerLine.lineNumber}, Col ${wordsColumn}` }).waitFor();
  };

  before(async function () {
    this.timeout(setupLimitMs);
    workspace = samplesCopy();
    speakerLine = firstSpeakerLine(readFileSync(join(workspace, sampleName), 'utf8'));
    workbench = await openBrowserWorkbench(workspace);
    page = workbench.page;
    // The new sidecar must show in the Explorer (below) as soon as it is written: not before VS Code watches the folder.
    await explorerFollowsDisk(page, workspace, sampleName);
  });

  after(async () => {
    await workbench?.close();
  });

  it(`selects the words of a "Name: words" line of ${sampleName}`, async () => {
    await page.keyboard.press('Control+P');
    await quickInput().pressSequentially(sampleName);
    await focusedQuickPickRow(sampleName).waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${sampleName}"]`).waitFor();

    await goToWords();
    await page.keyboard.press('Shift+End');
    await page.locator('[id="status.editor.selection"]', { hasText: `(${speakerLine.words.length} selected)` }).waitFor();
  });

  it('tags them with "Clippings: Tag Speaker..." and the speaker the line names', async () => {
    await openQuickInput('F1', '>');
    await quickInput().pressSequentially('Clippings: Tag Speaker');
    await focusedQuickPickRow('Clippings: Tag Speaker').waitFor();
    await page.keyboard.press('Enter');
    // The picker opens on the name before the colon; the registry is empty, so it offers a new speaker.
    await focusedQuickPickRow(speakerLine.name).waitFor();
    await page.keyboard.press('Enter');

    const sidecar = parse(await waitForFile(join(workspace, `${sampleName}.annotations.yaml`)));
    assert.equal(sidecar.clipping, sampleName);
    assert.equal(sidecar.annotations.length, 1);
    const [annotation] = sidecar.annotations;
    assert.equal(annotation.type, 'speaker');
    assert.equal(annotation.kind, 'direct');
    assert.equal(annotation.anchor.quote, speakerLine.words.trim());
    const registry = parse(readFileSync(join(workspace, '.clippings', 'speakers.yaml'), 'utf8'));
    assert.deepEqual(registry.speakers.map((speaker) => [speaker.id, speaker.name]), [[annotation.speaker, speakerLine.name]]);
    await explorerRow(page, `${sampleName}.annotations.yaml`).waitFor();
  });

  it('counts the annotation in the status bar and in the code lens of its article', async () => {
    await page.locator('[id="clippings-lab.press-clippings.clippings.annotations"]', { hasText: /^\s*1$/ }).waitFor();
    await page.locator('.codelens-decoration', { hasText: '1 speaker · Tag source…' }).waitFor();
  });

  it('lists the annotation in the Annotations view, under its speaker, with a copy the workspace index read from disk', async () => {
    // A copy of the clipping and its sidecar, never opened: only the installed package's index
    // worker reads it (a bundle left out of the .vsix leaves the count at 1).
    const copyName = `copy-of-${sampleName}`;
    const sidecarText = readFileSync(join(workspace, `${sampleName}.annotations.yaml`), 'utf8');
    copyFileSync(join(workspace, sampleName), join(workspace, copyName));
    writeFileSync(join(workspace, `${copyName}.annotations.yaml`), sidecarText.replace(`clipping: ${sampleName}`, `clipping: ${copyName}`));
    await openQuickInput('F1', '>');
    await quickInput().pressSequentially('Focus on Annotations View');
    await focusedQuickPickRow('Focus on Annotations View').waitFor();
    await page.keyboard.press('Enter');
    const sidebar = page.locator('[id="workbench.parts.sidebar"]');
    await sidebar.locator('.monaco-list-row', { hasText: speakerLine.name }).locator('.label-description', { hasText: /^2$/ }).waitFor();
    // Back to the Explorer (the reload below expects it) and to the editor.
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view').waitFor();
    await page.keyboard.press('Control+1');
  });

  it('highlights the words, whose hover names the speaker; screenshot', async () => {
    // Without the selection over them, the words show their highlight colour.
    await page.keyboard.press('Escape');
    await page.locator('[id="status.editor.selection"]', { hasText: /^Ln \d+, Col \d+$/ }).waitFor();
    // Highlights are the only decorations in this editor's view overlays.
    await page.locator('.monaco-editor .view-overlays [class*="ced-"]').first().waitFor();
    // The cursor is at the end of the words: one character back, then Show Hover.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: speakerLine.name }).waitFor();

    mkdirSync(dirname(screenshotFile), { recursive: true });
    // The hover fades in: the screenshot shows it as it ends up.
    await page.screenshot({ path: screenshotFile, animations: 'disabled' });
    assert.ok(readFileSync(screenshotFile).length > 10_000, 'the screenshot has content');
    if (!existsSync(readmeScreenshot) || process.env.CLIPPINGS_UPDATE_SCREENSHOT === '1') {
      mkdirSync(dirname(readmeScreenshot), { recursive: true });
      copyFileSync(screenshotFile, readmeScreenshot);
    }
  });

  it('keeps the highlight on the words through typing at their edges, as a new editor draws it', async () => {
    // The extension does not send the highlights again after these edits (VS Code moves them
    // itself): what VS Code shows must be what the anchor says, which a new editor is sent whole.
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type(' Indeed.');
    // The line is right to left: Go to Line, rather than arrows, reaches the start of the words.
    await goToWords();
    await page.keyboard.type('Yes. ');
    await page.keyboard.press('End');
    // Past the views' settling time (250 ms after typing) and their redraw.
    await page.waitForTimeout(1500);
    const highlights = (editor) =>
      editor.locator('.view-overlays [class*="ced-"]').evaluateAll((nodes) => nodes.map((node) => `${node.style.left} ${node.style.width}`).sort());
    const editors = page.locator('.editor-instance .monaco-editor');
    // Side by side, both editors are as wide: the same words give the same runs (a right-to-left line may show them as two).
    await page.keyboard.press('Control+\\');
    await editors.nth(1).locator('.view-overlays [class*="ced-"]').first().waitFor();
    await page.waitForTimeout(500);
    const drawnWhole = await highlights(editors.nth(1));
    assert.ok(drawnWhole.length > 0, 'the new editor shows the highlight');
    assert.deepEqual(await highlights(editors.first()), drawnWhole, 'the edited editor shows it where the new one does');
    await page.keyboard.press('Control+W');
    await editors.nth(1).waitFor({ state: 'detached' });
  });

  it('finds the annotation again after the window is reloaded', async () => {
    await page.reload();
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
    // Reopened by hand: its annotation is read again from the sidecar on disk.
    await page.keyboard.press('Control+P');
    await quickInput().pressSequentially(sampleName);
    await focusedQuickPickRow(sampleName).waitFor();
    await page.keyboard.press('Enter');
    // The window may come back with the editor split as the last test left it (the workbench
    // saves its layout on its own schedule): the reopened editor is the active group's.
    await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${sampleName}"]`).waitFor();
    await page.locator('[id="clippings-lab.press-clippings.clippings.annotations"]', { hasText: /^\s*1$/ }).waitFor();
    await page.locator('.monaco-editor .view-overlays [class*="ced-"]').first().waitFor();
  });
});
