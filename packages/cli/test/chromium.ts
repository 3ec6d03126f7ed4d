/**
 * Debian's Chromium for the browser tests (the HTML report, the playground), driven by playwright-core
 * and never downloaded: the same browser and flags as the editor E2E (packages/extension/scripts/e2e).
 * Without it a browser test is skipped with the reason, except under CI, where that is a failure.
 */
import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { it } from 'vitest';

export const CHROMIUM = process.env.OSA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
export const CHROMIUM_AVAILABLE = fs.existsSync(CHROMIUM);

/** When Chromium is missing, registers one test `title` that skips saying why (`purpose`: what the browser is for), or fails under CI. */
export function skipWithoutChromium(title: string, purpose: string): void {
    if (CHROMIUM_AVAILABLE) {
        return;
    }
    const missing = `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` (or set OSA_CHROMIUM) to ${purpose}`;
    it(title, ctx => {
        if (process.env.CI) {
            throw new Error(`${missing}; CI must run this test`);
        }
        ctx.skip(missing);
    });
}

export async function launchChromium(): Promise<Browser> {
    return (await import('playwright-core')).chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
