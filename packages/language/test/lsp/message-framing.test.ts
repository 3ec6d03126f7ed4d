/**
 * The framing guard of `osa lsp --stdio`: well-formed messages pass byte for byte however the input
 * is chunked; every malformed one is reported and skipped, and the next well-formed one still passes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_HEADER_BYTES, MessageFramingGuard } from '../../src/lsp/message-framing.js';

function frame(body: object | string): Buffer {
    const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
}

const PING = frame({ jsonrpc: '2.0', id: 1, method: 'osa/ping', params: { text: 'Content-Length: 12 inside a string' } });
const PONG = frame({ jsonrpc: '2.0', id: 2, method: 'osa/pong' });

/** Feeds the input in chunks of `chunk` bytes; returns what the guard passed on and what it logged. */
async function run(input: Buffer, chunk = input.length): Promise<{ output: Buffer; log: string[] }> {
    const log: string[] = [];
    const guard = new MessageFramingGuard(line => log.push(line));
    const parts: Buffer[] = [];
    guard.on('data', (data: Buffer) => parts.push(data));
    const ended = new Promise(resolve => guard.on('end', resolve));
    for (let i = 0; i < input.length; i += chunk) {
        guard.write(input.subarray(i, i + chunk));
    }
    guard.end();
    await ended;
    return { output: Buffer.concat(parts), log };
}

const CASES: { name: string; bad: Buffer | string; reason: RegExp }[] = [
    { name: 'a header block without Content-Length, with a body', bad: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}', reason: /no Content-Length/ },
    { name: 'a non-numeric length', bad: 'Content-Length: abc\r\n\r\n', reason: /not a whole number.*"abc"/ },
    { name: 'a negative length', bad: 'Content-Length: -5\r\n\r\n{}', reason: /not a whole number.*"-5"/ },
    { name: 'a fractional length', bad: 'Content-Length: 2.5\r\n\r\n{}', reason: /not a whole number/ },
    { name: 'a huge length', bad: 'Content-Length: 1000000000000\r\n\r\n', reason: /1000000000000 is over the limit/ },
    { name: 'two lengths', bad: 'Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}', reason: /two Content-Length/ },
    { name: 'garbage bytes before a header', bad: Buffer.from([0, 1, 0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0x0D, 0x0A]), reason: /byte 0x00 where a message header was expected/ },
    { name: 'a line that is not a header', bad: 'hello world\r\n\r\n', reason: /not "Name: value": "hello world"/ },
    { name: 'a body without a header', bad: '{"jsonrpc":"2.0","id":3,"method":"shutdown"}', reason: /byte 0x7b|not "Name: value"/ },
    { name: 'a length too short for its body', bad: 'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":4,"method":"shutdown"}', reason: /not a JSON object of the declared 10 bytes/ },
    { name: 'a body that is not JSON', bad: 'Content-Length: 5\r\n\r\nhello', reason: /the body is not a JSON object/ },
    { name: 'an empty body', bad: 'Content-Length: 0\r\n\r\n', reason: /not a JSON object of the declared 0 bytes/ },
    { name: 'a header block that never ends', bad: `X-Padding: ${'a'.repeat(MAX_HEADER_BYTES)}`, reason: /no end of the header block within 8192 bytes/ }
];

describe('MessageFramingGuard', () => {
    it('passes well-formed messages byte for byte, whatever the chunking', async () => {
        const input = Buffer.concat([PING, Buffer.from('\r\n'), PONG, PING]);
        const expected = Buffer.concat([PING, PONG, PING]);
        for (const chunk of [1, 2, 7, 64, input.length]) {
            const { output, log } = await run(input, chunk);
            expect(output.equals(expected), `chunks of ${chunk}`).toBe(true);
            expect(log).toEqual([]);
        }
    });

    it('passes a large message whole', async () => {
        const big = frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x'.repeat(5_000_000) } });
        const { output, log } = await run(Buffer.concat([big, PONG]), 65_536);
        expect(output.equals(Buffer.concat([big, PONG]))).toBe(true);
        expect(log).toEqual([]);
    });

    for (const { name, bad, reason } of CASES) {
        it(`reports and skips ${name}, then passes the next message`, async () => {
            const input = Buffer.concat([PING, Buffer.from(bad), PONG]);
            for (const chunk of [1, 5, input.length]) {
                const { output, log } = await run(input, chunk);
                expect(output.equals(Buffer.concat([PING, PONG])), `chunks of ${chunk}: ${output.toString('latin1').slice(0, 200)}`).toBe(true);
                expect(log[0], `chunks of ${chunk}`).toMatch(reason);
                expect(log.at(-1)).toMatch(/^resumed at a well-formed message after skipping \d+ bytes$/);
            }
        });
    }

    it('reports input that ends inside a message', async () => {
        const { output, log } = await run(Buffer.concat([PING, PONG.subarray(0, 30)]));
        expect(output.equals(PING)).toBe(true);
        expect(log).toEqual(['input ended inside a message (30 bytes left unread)']);
    });

    it('reports what it skipped without echoing control characters', async () => {
        const { log } = await run(Buffer.from('X-Note:\tfine\r\n\r\n\u001b]8;;http://x\u0007\r\n\r\n'));
        expect(log).toEqual([
            'malformed message ignored: the header block has no Content-Length: "X-Note:\\tfine"; skipping to the next Content-Length header'
        ]);
        const escape = await run(Buffer.from('\u001b]8;;http://x\u0007\r\n\r\n'));
        expect(escape.log[0]).toMatch(/^malformed message ignored: byte 0x1b where/);
    });
});
