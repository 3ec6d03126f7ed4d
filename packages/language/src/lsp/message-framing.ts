/**
 * A guard in front of the JSON-RPC reader of `osa lsp --stdio`. vscode-jsonrpc's stream reader trusts
 * the framing: after a header block without `Content-Length`, or with a length that is not a number, it
 * raises an error nobody reports and misreads everything after it as headers; after a huge length it
 * buffers all further input as one body. Either way the server answers nothing more until stdin closes.
 *
 * The guard reads the framing itself and passes on only well-formed messages, byte for byte. Anything
 * else (a header block that is not `Name: value` lines, a missing, duplicated, non-numeric, negative or
 * over-limit `Content-Length`, bytes that are not a header, a body that is not a JSON object or array of
 * the declared length) is reported through `log` and skipped up to the next `Content-Length` header, so
 * the next well-formed message is answered. It never waits for more than a header's or a message's
 * worth of input, and holds at most one message in memory.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { neutralise } from '../util/neutralise.js';

/** A header block of real clients is under 100 bytes; 8 KiB without the blank line is not a header. */
export const MAX_HEADER_BYTES = 8 * 1024;

/**
 * The longest message accepted: an .osa file may have 8 MiB, and a didOpen or full didChange carries
 * it as a JSON string, where a control character takes six bytes.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('content-length:');
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
const CR = 0x0D;
const LF = 0x0A;

/** The offset of the next `Content-Length:` (any case) at or after `from`, or -1. */
function findContentLength(buffer: Buffer, from: number): number {
    for (let i = buffer.indexOf(0x3A, from + CONTENT_LENGTH.length - 1); i >= 0; i = buffer.indexOf(0x3A, i + 1)) {
        const start = i - CONTENT_LENGTH.length + 1;
        if (start >= from && buffer.subarray(start, i + 1).toString('latin1').toLowerCase() === 'content-length:') {
            return start;
        }
    }
    return -1;
}

/** Bytes that may appear in a header block: printable ASCII, tab, CR and LF. */
function isHeaderByte(byte: number): boolean {
    return (byte >= 0x20 && byte <= 0x7E) || byte === 0x09 || byte === CR || byte === LF;
}

/** The body length a header block declares, or why the block is not a header. */
function parseHeader(block: Buffer): number | string {
    let length: number | undefined;
    for (const line of block.toString('latin1').split('\r\n')) {
        const match = HEADER_LINE.exec(line);
        if (!match) {
            return `a header line is not "Name: value": ${quote(line)}`;
        }
        if (match[1].toLowerCase() !== 'content-length') {
            continue;
        }
        if (length !== undefined) {
            return 'the header block has two Content-Length headers';
        }
        if (!/^\d{1,20}$/.test(match[2])) {
            return `Content-Length is not a whole number of bytes: ${quote(match[2])}`;
        }
        length = Number(match[2]);
        if (length > MAX_MESSAGE_BYTES) {
            return `Content-Length ${match[2]} is over the limit of ${MAX_MESSAGE_BYTES} bytes`;
        }
    }
    return length ?? `the header block has no Content-Length: ${quote(block.toString('latin1'))}`;
}

function quote(text: string): string {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    return `"${neutralise(shown)}"`;
}

const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === CR || byte === LF;

/** A JSON-RPC body is a JSON object or, for a batch, an array: a cheap check that the length was right. */
function looksLikeJson(body: Buffer): boolean {
    let first = 0;
    let last = body.length - 1;
    while (first <= last && isSpace(body[first])) {
        first++;
    }
    while (last >= first && isSpace(body[last])) {
        last--;
    }
    return first < last && ((body[first] === 0x7B && body[last] === 0x7D) || (body[first] === 0x5B && body[last] === 0x5D));
}

export class MessageFramingGuard extends Transform {
    private pending: Buffer = Buffer.alloc(0);
    /** Chunks not yet joined to `pending`: joining only when `needed` bytes are there keeps a long body linear. */
    private queue: Buffer[] = [];
    private queued = 0;
    private needed = 0;
    /** How much of `pending` is known to be header bytes without the blank line, so a trickle is not rescanned. */
    private scanned = 0;
    /** After a malformed message: dropping input until the next `Content-Length:`. */
    private skipping = false;
    private skipped = 0;

    /** `log` gets one line per malformed message (no newline), for standard error. */
    constructor(private readonly log: (line: string) => void) {
        super();
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
        this.queue.push(chunk);
        this.queued += chunk.length;
        if (this.pending.length + this.queued >= this.needed) {
            this.pending = Buffer.concat([this.pending, ...this.queue]);
            this.queue = [];
            this.queued = 0;
            this.drain();
        }
        callback();
    }

    override _flush(callback: TransformCallback): void {
        const left = this.pending.length + this.queued;
        if (left > 0 && !this.skipping) {
            this.log(`input ended inside a message (${left} bytes left unread)`);
        }
        callback();
    }

    /**
     * Passes on every complete well-formed message in `pending`. Each turn consumes input, or returns
     * with `needed` set to the length of `pending` that lets the next turn decide.
     */
    private drain(): void {
        for (;;) {
            if (this.skipping && !this.resync()) {
                this.needed = this.pending.length + 1;
                return;
            }
            let start = 0;
            while (start < this.pending.length && (this.pending[start] === CR || this.pending[start] === LF)) {
                start++;
            }
            if (start > 0) {
                this.consume(start);
            }
            const end = this.pending.indexOf(HEADER_END, Math.max(0, this.scanned - HEADER_END.length + 1));
            const headerLength = end < 0 ? this.pending.length : end;
            const limit = Math.min(headerLength, MAX_HEADER_BYTES + 1);
            let bad = this.scanned;
            while (bad < limit && isHeaderByte(this.pending[bad])) {
                bad++;
            }
            if (bad < limit) {
                this.reject(`byte 0x${this.pending[bad].toString(16).padStart(2, '0')} where a message header was expected`);
                continue;
            }
            if (headerLength > MAX_HEADER_BYTES) {
                this.reject(`no end of the header block within ${MAX_HEADER_BYTES} bytes`);
                continue;
            }
            if (end < 0) {
                this.scanned = limit;
                this.needed = this.pending.length + 1;
                return;
            }
            const length = parseHeader(this.pending.subarray(0, end));
            if (typeof length === 'string') {
                this.reject(length);
                continue;
            }
            const bodyStart = end + HEADER_END.length;
            const first = this.pending.subarray(bodyStart, bodyStart + length).findIndex(byte => !isSpace(byte));
            if (first >= 0 && this.pending[bodyStart + first] !== 0x7B && this.pending[bodyStart + first] !== 0x5B) {
                this.reject('the body is not a JSON object');
                continue;
            }
            if (this.pending.length < bodyStart + length) {
                // Until the body starts, wait for one more byte to check it; then for the whole body.
                this.needed = first < 0 ? this.pending.length + 1 : bodyStart + length;
                return;
            }
            if (!looksLikeJson(this.pending.subarray(bodyStart, bodyStart + length))) {
                this.reject(`the body is not a JSON object of the declared ${length} bytes`);
                continue;
            }
            if (this.skipped > 0) {
                this.log(`resumed at a well-formed message after skipping ${this.skipped} bytes`);
                this.skipped = 0;
            }
            this.push(this.pending.subarray(0, bodyStart + length));
            this.consume(bodyStart + length);
        }
    }

    /** Drops input up to the next `Content-Length:`; false when there is none yet. */
    private resync(): boolean {
        const at = findContentLength(this.pending, 0);
        if (at < 0) {
            // Keep a tail that may be the first part of a `Content-Length:` split across chunks.
            const keep = Math.min(this.pending.length, CONTENT_LENGTH.length - 1);
            this.skipped += this.pending.length - keep;
            this.consume(this.pending.length - keep);
            return false;
        }
        this.skipped += at;
        this.consume(at);
        this.skipping = false;
        return true;
    }

    private consume(bytes: number): void {
        this.pending = this.pending.subarray(bytes);
        this.scanned = 0;
    }

    /** Reports the message at the start of `pending` and skips past its first byte. */
    private reject(reason: string): void {
        this.log(`malformed message ignored: ${reason}; skipping to the next Content-Length header`);
        this.consume(1);
        this.skipped += 1;
        this.skipping = true;
    }
}
