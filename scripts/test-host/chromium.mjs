// Headless Debian Chromium driven by playwright-core, quiet on an offline machine.
import { chromium } from 'playwright-core';

const offlineQuietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(host) {
  return chromium.launch({ executablePath: host.chromiumPath, headless: true, args: offlineQuietFlags });
}

// The workbench URL for `folder` on `server`. `payload` pairs go to the smoke-test driver.
export function workbenchUrl(server, folder, payload = []) {
  const url = new URL(server.url);
  url.searchParams.set('folder', folder);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.href;
}

// A path on the machine as the workbench sees it: served by the remote side of `server`.
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}
