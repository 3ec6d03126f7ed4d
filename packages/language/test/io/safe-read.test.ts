/**
 * The safe reader on the real things: named pipes (made with mkfifo), /dev/zero, /dev/null, symbolic
 * links into and out of the workspace and in a loop, directories, files over the limit, and bytes that
 * are not UTF-8 text. A FIFO with no writer would block a plain read forever, so each FIFO test
 * finishing at all is part of what it proves.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    checkRegularFile, decodeText, firstInvalidByte, readRegularFile, readTextFile
} from '../../src/io/safe-read.js';

function workspace(): string {
    return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osa-safe-read-')));
}

function fifo(file: string): string {
    execFileSync('mkfifo', [file]);
    return file;
}

const LIMIT = { maxBytes: 1024 };

describe('readRegularFile', () => {
    it('reads a regular file whole', () => {
        const dir = workspace();
        fs.writeFileSync(path.join(dir, 'a.osa'), 'programme A {}');
        const read = readRegularFile(path.join(dir, 'a.osa'), LIMIT);
        expect('bytes' in read && read.bytes.toString()).toBe('programme A {}');
    });

    it('reads on past the size the file reports when there is more (a stat that says 0 does not truncate it)', () => {
        // /proc files are regular files whose stat size is 0: reading stops at the stat size only when the bytes agree.
        const read = readRegularFile('/proc/self/status', { maxBytes: 1 << 20, within: 'anywhere' });
        expect('bytes' in read && read.bytes.toString()).toMatch(/^Name:.*[\s\S]*\nPid:\s+\d+/);
        const empty = path.join(workspace(), 'empty.osa');
        fs.writeFileSync(empty, '');
        const none = readRegularFile(empty, LIMIT);
        expect('bytes' in none && none.bytes.length).toBe(0);
    });

    it('refuses a FIFO without blocking, whether it has a writer or not', () => {
        const dir = workspace();
        const pipe = fifo(path.join(dir, 'x.osa'));
        expect(readRegularFile(pipe, LIMIT)).toMatchObject({ reason: 'not-regular', problem: 'not a regular file but a FIFO (named pipe); only regular files are read', detail: { id: 'io.notRegular' } });
        // With a writer holding it open and never writing, a blocking read would wait forever.
        const writer = fs.openSync(pipe, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
        try {
            expect(readRegularFile(pipe, LIMIT)).toMatchObject({ reason: 'not-regular' });
        } finally {
            fs.closeSync(writer);
        }
    });

    it('refuses /dev/zero and /dev/null as character devices: nothing is read', () => {
        expect(readRegularFile('/dev/zero', LIMIT)).toMatchObject({ reason: 'not-regular', problem: 'not a regular file but a character device; only regular files are read', detail: { id: 'io.notRegular' } });
        expect(readRegularFile('/dev/null', LIMIT)).toMatchObject({ reason: 'not-regular' });
    });

    it('refuses a directory, and says a missing file is missing', () => {
        const dir = workspace();
        expect(readRegularFile(dir, LIMIT)).toMatchObject({ reason: 'not-regular', problem: expect.stringContaining('a directory') });
        expect(readRegularFile(path.join(dir, 'nothing.osa'), LIMIT)).toMatchObject({ reason: 'missing', problem: 'no such file or directory', detail: { id: 'io.missing' } });
    });

    it('refuses a file over the limit before reading it, and reads one exactly at the limit', () => {
        const dir = workspace();
        fs.writeFileSync(path.join(dir, 'big.osa'), Buffer.alloc(1025, 0x61));
        fs.writeFileSync(path.join(dir, 'fits.osa'), Buffer.alloc(1024, 0x61));
        expect(readRegularFile(path.join(dir, 'big.osa'), LIMIT)).toMatchObject({ reason: 'too-large', problem: expect.stringContaining('the limit is 1024 bytes') });
        const fits = readRegularFile(path.join(dir, 'fits.osa'), LIMIT);
        expect('bytes' in fits && fits.bytes.length).toBe(1024);
    });

    it('follows a symbolic link to a regular file inside the workspace', () => {
        const dir = workspace();
        fs.mkdirSync(path.join(dir, 'shared'));
        fs.writeFileSync(path.join(dir, 'shared/real.osa'), 'programme R {}');
        fs.symlinkSync('shared/real.osa', path.join(dir, 'link.osa'));
        const read = readRegularFile(path.join(dir, 'link.osa'), { ...LIMIT, within: dir });
        expect('bytes' in read && read.bytes.toString()).toBe('programme R {}');
    });

    it('does not follow a symbolic link, or a linked folder, out of the workspace unless told to', () => {
        const outside = workspace();
        fs.writeFileSync(path.join(outside, 'secret.json'), '{"token":"x"}');
        const dir = workspace();
        fs.symlinkSync(path.join(outside, 'secret.json'), path.join(dir, 'data.json'));
        fs.symlinkSync(outside, path.join(dir, 'linked'));
        for (const file of [path.join(dir, 'data.json'), path.join(dir, 'linked/secret.json')]) {
            const refused = readRegularFile(file, { ...LIMIT, within: dir });
            expect(refused, file).toMatchObject({ reason: 'link-refused', problem: expect.stringContaining('outside the workspace') });
            expect('bytes' in readRegularFile(file, { ...LIMIT, within: 'anywhere' }), file).toBe(true);
        }
        // With no workspace given, a link is not followed at all.
        expect(readRegularFile(path.join(dir, 'data.json'), LIMIT)).toMatchObject({ reason: 'link-refused' });
    });

    it('does not follow a link to a device even when links may go anywhere', () => {
        const dir = workspace();
        fs.symlinkSync('/dev/zero', path.join(dir, 'zero.osa'));
        expect(readRegularFile(path.join(dir, 'zero.osa'), { ...LIMIT, within: 'anywhere' })).toMatchObject({ reason: 'not-regular' });
        expect(readRegularFile(path.join(dir, 'zero.osa'), { ...LIMIT, within: dir })).toMatchObject({ reason: 'link-refused' });
    });

    it('reports a symbolic link loop and a dangling link', () => {
        const dir = workspace();
        fs.symlinkSync('b.osa', path.join(dir, 'a.osa'));
        fs.symlinkSync('a.osa', path.join(dir, 'b.osa'));
        fs.symlinkSync('gone.osa', path.join(dir, 'dangling.osa'));
        expect(readRegularFile(path.join(dir, 'a.osa'), { ...LIMIT, within: dir })).toMatchObject({ reason: 'link-refused', problem: 'a symbolic link loop; not followed', detail: { id: 'io.linkLoop' } });
        expect(readRegularFile(path.join(dir, 'dangling.osa'), { ...LIMIT, within: dir })).toMatchObject({ reason: 'link-refused', problem: expect.stringContaining('missing') });
    });

    it('checkRegularFile answers without opening: a FIFO stays unopened (no writer is ever unblocked)', () => {
        const dir = workspace();
        const pipe = fifo(path.join(dir, 'osa.config.json'));
        expect(checkRegularFile(pipe, LIMIT)).toMatchObject({ reason: 'not-regular' });
        fs.writeFileSync(path.join(dir, 'ok.json'), '{}');
        expect(checkRegularFile(path.join(dir, 'ok.json'), LIMIT)).toEqual({ path: path.join(dir, 'ok.json'), size: 2 });
    });
});

describe('decodeText', () => {
    it('decodes UTF-8, keeping a byte order mark as the text has it', () => {
        expect(decodeText(Buffer.from('\uFEFFprogramme 日本 {}'))).toEqual({ text: '\uFEFFprogramme 日本 {}' });
    });

    it('gives the line and column (UTF-16 units, as editors count) of the first invalid byte', () => {
        const bytes = Buffer.concat([Buffer.from('line one\nname "日本'), Buffer.from([0xff]), Buffer.from('x"\n')]);
        const decoded = decodeText(bytes);
        expect(decoded).toEqual({ text: 'line one\nname "日本\uFFFDx"\n', invalid: { line: 2, column: 9 } });
    });

    it('finds truncated, overlong and surrogate sequences', () => {
        expect(firstInvalidByte(Buffer.from([0x61, 0xe6, 0x97]))).toBe(1); // cut-off 3-byte sequence
        expect(firstInvalidByte(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong '/'
        expect(firstInvalidByte(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // UTF-16 surrogate
        expect(firstInvalidByte(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // beyond U+10FFFF
        expect(firstInvalidByte(Buffer.from('ok 日本 😀'))).toBe(-1);
    });

    it('calls text with a NUL byte binary, with the NUL\'s position', () => {
        expect(decodeText(Buffer.from('programme X {\n  \u0000\u0001\n}'))).toEqual({ binary: { line: 2, column: 3 } });
        expect(decodeText(Buffer.from('\u0000\nline two\n'))).toEqual({ binary: { line: 1, column: 1 } });
        expect(decodeText(Buffer.from([0xff, 0x0a, 0x61]))).toMatchObject({ invalid: { line: 1, column: 1 } });
    });
});

describe('readTextFile', () => {
    it('reports a binary file as a problem and invalid UTF-8 as a position', () => {
        const dir = workspace();
        fs.writeFileSync(path.join(dir, 'bin.osa'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00]));
        fs.writeFileSync(path.join(dir, 'latin1.osa'), Buffer.from('name "Bogot\xe1"', 'latin1'));
        expect(readTextFile(path.join(dir, 'bin.osa'), LIMIT)).toMatchObject({ problem: 'a binary file, not text (a NUL byte at line 1, column 6)' });
        expect(readTextFile(path.join(dir, 'latin1.osa'), LIMIT)).toEqual({ text: 'name "Bogot\uFFFD"', invalid: { line: 1, column: 12 } });
    });
});
