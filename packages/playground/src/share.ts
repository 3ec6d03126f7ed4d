/**
 * Share by link: the workspace, compressed (deflate-raw, the browser's own CompressionStream) and
 * base64url-encoded, in the URL fragment, which browsers never send to a server.
 *
 * A link is untrusted input, so opening one is bounded at every step: the fragment's length, the size
 * the data may expand to (read chunk by chunk, stopped at the limit: no decompression bomb), the JSON's
 * shape, the number of files, each path (relative, no `..`, only `.osa` files and osa.config.json) and
 * each text's size. Anything else is refused with a message saying which limit it broke.
 */
import { PageMessage } from './page-text.js';

export const LINK_PREFIX = 'ws=v1.';
/** Longest fragment accepted (and produced): links longer than this are cut by mail and chat programs anyway. */
export const MAX_LINK_CHARS = 60_000;
/** Largest workspace a link may expand to. */
export const MAX_EXPANDED_BYTES = 2 * 1024 * 1024;
export const MAX_FILES = 40;
export const MAX_FILE_CHARS = 512 * 1024;

const PATH = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*\/){0,4}(?:[A-Za-z0-9_][A-Za-z0-9._-]*\.osa|osa\.config\.json)$/;

/** A path the playground's workspace may hold: relative, at most 5 segments, `.osa` files and osa.config.json only. */
export function isWorkspacePath(path: string): boolean {
    return PATH.test(path) && !path.split('/').some(part => part === '.' || part === '..');
}

/** A refused link: its message is English (for logs); `detail` shows it again in the page's locale. */
export class LinkError extends Error {
    constructor(readonly detail: PageMessage) {
        super(detail.text('en'));
    }
}

export interface SharedWorkspace {
    files: Map<string, string>;
    /** The file shown first. */
    active?: string;
}

function toBase64Url(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) {
        throw new LinkError(new PageMessage('link.characters'));
    }
    let binary: string;
    try {
        binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
        throw new LinkError(new PageMessage('link.base64'));
    }
    return Uint8Array.from(binary, c => c.charCodeAt(0));
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done) {
            break;
        }
        total += value.length;
        if (total > limit) {
            await reader.cancel();
            throw new LinkError(new PageMessage('link.expands', { mib: limit / 1024 / 1024 }));
        }
        chunks.push(value);
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
    }
    return out;
}

export async function encodeWorkspace(workspace: SharedWorkspace): Promise<string> {
    const json = JSON.stringify({ v: 1, active: workspace.active, files: [...workspace.files] });
    const input = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const link = LINK_PREFIX + toBase64Url(await collect(input, Number.MAX_SAFE_INTEGER));
    if (link.length > MAX_LINK_CHARS) {
        throw new LinkError(new PageMessage('link.tooLargeToShare', { length: link.length, max: MAX_LINK_CHARS }));
    }
    return link;
}

/** The workspace in a fragment (without `#`), undefined when the fragment holds none; throws LinkError when it is unusable. */
export async function decodeWorkspace(fragment: string): Promise<SharedWorkspace | undefined> {
    if (!fragment.startsWith('ws=')) {
        return undefined;
    }
    if (fragment.length > MAX_LINK_CHARS) {
        throw new LinkError(new PageMessage('link.tooLong', { length: fragment.length, max: MAX_LINK_CHARS }));
    }
    if (!fragment.startsWith(LINK_PREFIX)) {
        throw new LinkError(new PageMessage('link.version'));
    }
    const compressed = fromBase64Url(fragment.slice(LINK_PREFIX.length));
    let bytes: Uint8Array;
    try {
        bytes = await collect(new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')), MAX_EXPANDED_BYTES);
    } catch (error) {
        throw error instanceof LinkError ? error : new LinkError(new PageMessage('link.inflate'));
    }
    let value: unknown;
    try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
        throw new LinkError(new PageMessage('link.notWorkspace'));
    }
    return validate(value);
}

function validate(value: unknown): SharedWorkspace {
    const shape = value as { v?: unknown; active?: unknown; files?: unknown };
    if (typeof value !== 'object' || value === null || shape.v !== 1 || !Array.isArray(shape.files)) {
        throw new LinkError(new PageMessage('link.notWorkspace'));
    }
    if (shape.files.length === 0 || shape.files.length > MAX_FILES) {
        throw new LinkError(new PageMessage('link.fileCount', { max: MAX_FILES, count: shape.files.length }));
    }
    const files = new Map<string, string>();
    for (const entry of shape.files as unknown[]) {
        if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
            throw new LinkError(new PageMessage('link.entry'));
        }
        const [path, text] = entry as [string, string];
        if (!isWorkspacePath(path)) {
            throw new LinkError(new PageMessage('link.path', { path: JSON.stringify(path.slice(0, 80)) }));
        }
        if (files.has(path)) {
            throw new LinkError(new PageMessage('link.twice', { path }));
        }
        if (text.length > MAX_FILE_CHARS) {
            throw new LinkError(new PageMessage('link.fileSize', { path, kib: MAX_FILE_CHARS / 1024 }));
        }
        files.set(path, text);
    }
    const active = typeof shape.active === 'string' && files.has(shape.active) ? shape.active : undefined;
    return { files, active };
}
