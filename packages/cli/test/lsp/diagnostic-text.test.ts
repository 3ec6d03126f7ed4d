/**
 * Diagnostics published by the real `osa lsp --stdio` carry no raw control character, bidirectional
 * control or line separator from the file: an item name with ESC, OSC-8, C1 CSI, DEL, a bidi override
 * and a CR is shown escaped in the finding that quotes it (editors such as Neovim draw diagnostics in
 * a terminal). Line breaks stay, as they separate the lines of a parse error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LspTestClient, REPO } from './lsp-client.js';

const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
let client: LspTestClient | undefined;
let dir: string | undefined;

afterEach(() => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

describe('diagnostic text from the server', () => {
    it('shows the control characters of quoted repository text escaped', async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-text-'));
        fs.cpSync(path.join(REPO, 'examples/shared'), path.join(dir, 'shared'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}');
        const example = fs.readFileSync(path.join(REPO, 'examples/violations/OSA304-defense-equipment-purpose.osa'), 'utf-8');
        const name = '\u001b[31mradar\u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u009b2J\u007f \u202eevil\u2066 \rover';
        expect(example).toContain('"Long-range air surveillance radar"');
        const file = path.join(dir, 'radar.osa');
        // A string may not span lines, so the CR is written as an escape; the rest are raw bytes in the file.
        fs.writeFileSync(file, example.replace('"Long-range air surveillance radar"', `"${name.replace('\r', '\\r')}"`));

        client = await LspTestClient.start(dir);
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.some(x => x.code === 'OSA304'));
        const finding = diagnostics.find(d => d.code === 'OSA304')!;
        expect(finding.message).toContain('"\\x1b[31mradar\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07 \\u009b2J\\x7f \\u202eevil\\u2066 \\rover" is defense equipment');
        for (const d of diagnostics) {
            expect(d.message.replace(/\n/g, '')).not.toMatch(UNSAFE);
        }
        await client.shutdown();
    });
});
