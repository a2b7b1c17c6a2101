// What every browser test shares: the packaged extension in the same VS Code as `npm start`,
// opened in headless Chromium, and the few ways a person reaches its widgets.
import { launchChromium } from '../../scripts/test-host/chromium.mjs';
import { choosePort } from '../../scripts/test-host/code-server.mjs';
import { ensureHost } from '../../scripts/test-host/host-install.mjs';
import { startPackagedWorkbench } from '../../scripts/test-host/packaged-workbench.mjs';

// Installing the host on a fresh machine takes minutes, once.
export const setupLimitMs = 10 * 60_000;

/** Opens `folder` in the workbench; `close()` stops the browser and the server. */
export async function openBrowserWorkbench(folder) {
  const host = await ensureHost();
  const workbench = await startPackagedWorkbench({ host, port: await choosePort(), folder });
  const browser = await launchChromium(host);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Shorter than mocha's timeout, so that a failure names what it was waiting for.
  page.setDefaultTimeout(15_000);
  await page.goto(workbench.url);
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
  return {
    page,
    close: async () => {
      await browser.close();
      await workbench.stop();
    },
  };
}

export const quickInput = (page) => page.locator('.quick-input-widget input');
export const focusedQuickPickRow = (page, text) => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text });
