/**
 * An in-memory workspace: the files of the browser playground, by absolute POSIX path. It stands in
 * for node-host.ts in the playground's bundle (see packages/playground/vite.config.ts) and applies the
 * limits and words of safe-read: too large, binary (a NUL), not a file. Its texts come from the
 * playground's editor, so they are always valid UTF-16, hence valid UTF-8.
 */
import type { HostFiles } from './host-files.js';
import { msg } from '../i18n/message.js';
import { binaryMessage, binaryProblem, decodeText, readFailure, tooLarge, type ReadOptions, type TextResult } from './text.js';

/** The workspace's files: path → text. The playground's language worker keeps it in step with the editor. */
export const memoryFiles = new Map<string, string>();

const encoder = new TextEncoder();

function isFolder(file: string): boolean {
    const prefix = file.endsWith('/') ? file : `${file}/`;
    for (const key of memoryFiles.keys()) {
        if (key.startsWith(prefix)) {
            return true;
        }
    }
    return false;
}

export const hostFiles: HostFiles = {
    exists: file => memoryFiles.has(file) || isFolder(file),
    readText(file: string, options: ReadOptions): TextResult {
        const text = memoryFiles.get(file);
        if (text === undefined) {
            return isFolder(file)
                ? readFailure('not-regular', msg('io.notRegular', { kind: msg('io.kind.directory') }))
                : readFailure('missing', msg('io.missing'));
        }
        const bytes = encoder.encode(text);
        if (bytes.length > options.maxBytes) {
            return tooLarge(bytes.length, options.maxBytes);
        }
        const decoded = decodeText(bytes);
        return 'binary' in decoded ? { binary: decoded.binary, problem: binaryProblem(decoded.binary), detail: binaryMessage(decoded.binary) } : decoded;
    }
};
