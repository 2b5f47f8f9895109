// Headless Debian chromium driven by playwright-core (no browser download).
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, requireFile } from './env.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  requireFile(CHROMIUM, 'install Debian\'s chromium (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Everything the page reported on its own, to explain a failure. */
export interface PageLog {
  lines: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
}

export function watchPage(page: Page): PageLog {
  const log: PageLog = { lines: [], errors: [] };
  page.on('console', (message) => {
    const line = `console.${message.type()}: ${message.text()}`;
    log.lines.push(line);
    if (message.type() === 'error') log.errors.push(line);
  });
  page.on('pageerror', (error) => {
    const line = `pageerror: ${error.stack ?? error.message}`;
    log.lines.push(line);
    log.errors.push(line);
  });
  page.on('requestfailed', (request) => {
    log.lines.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return log;
}
