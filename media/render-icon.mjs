// Renders media/icon.svg to media/icon.png (128×128, transparent corners) with headless Chromium:
//   node media/render-icon.mjs [path-to-chromium]
import { readFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 128;
const svgUrl = new URL('./icon.svg', import.meta.url);
const pngPath = fileURLToPath(new URL('./icon.png', import.meta.url));
const executablePath = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const svg = await readFile(svgUrl, 'utf8');
const browser = await chromium.launch({ executablePath });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img width="${SIZE}" height="${SIZE}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
  );
  await page.locator('img').screenshot({ path: pngPath, omitBackground: true });
} finally {
  await browser.close();
}
