/**
 * Files a user drops on the page or picks with "Add files": untrusted like any workspace text. Only
 * `.osa` files and osa.config.json are taken, each at most MAX_FILE_CHARS bytes (checked before
 * reading), valid UTF-8 text without NUL bytes; names are reduced to safe characters. Whatever is
 * refused is named with the reason.
 */
import { PageMessage } from './page-text.js';
import { isWorkspacePath, MAX_FILE_CHARS } from './share.js';

export interface ReadFiles {
    files: Map<string, string>;
    /** Each refused file with the reason, as a message the page shows in its locale. */
    refused: PageMessage[];
}

/** The workspace path for a file's name: its last segment, unusual characters replaced by `-`. */
export function workspaceName(name: string): string {
    const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).slice(0, 120);
    const safe = base.replace(/[^A-Za-z0-9._-]/g, '-');
    return /^[A-Za-z0-9_]/.test(safe) ? safe : `file${safe}`;
}

const strict = new TextDecoder('utf-8', { fatal: true });

export async function readFiles(list: Iterable<File>): Promise<ReadFiles> {
    const files = new Map<string, string>();
    const refused: PageMessage[] = [];
    for (const file of list) {
        const path = workspaceName(file.name);
        const shown = JSON.stringify(file.name.slice(0, 80));
        if (!isWorkspacePath(path)) {
            refused.push(new PageMessage('file.type', { name: shown }));
            continue;
        }
        if (file.size > MAX_FILE_CHARS) {
            refused.push(new PageMessage('file.size', { name: shown, kib: MAX_FILE_CHARS / 1024 }));
            continue;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (bytes.includes(0)) {
            refused.push(new PageMessage('file.binary', { name: shown }));
            continue;
        }
        try {
            files.set(path, strict.decode(bytes));
        } catch {
            refused.push(new PageMessage('file.encoding', { name: shown }));
        }
    }
    return { files, refused };
}
