/**
 * Malformed JSON-RPC framing against the real `osa lsp --stdio`: after each bad header the server
 * says on stderr what it skipped, answers the next well-formed request within a bounded time, and does
 * not spin (its CPU time stays flat while it idles). At the end it still shuts down cleanly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSA } from './lsp-client.js';

const ANSWER_MS = 5_000;

/** A raw client: writes bytes, reads framed messages from stdout. */
class RawClient {
    private buffer = Buffer.alloc(0);
    private readonly messages: { id?: number; result?: unknown; error?: { code: number } }[] = [];
    private readonly waiters: (() => void)[] = [];
    stderr = '';

    constructor(readonly child: ChildProcessWithoutNullStreams) {
        child.stdout.on('data', (chunk: Buffer) => {
            this.buffer = Buffer.concat([this.buffer, chunk]);
            for (;;) {
                const end = this.buffer.indexOf('\r\n\r\n');
                const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('latin1'))?.[1]);
                if (end < 0 || this.buffer.length < end + 4 + length) {
                    break;
                }
                this.messages.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf-8')));
                this.buffer = this.buffer.subarray(end + 4 + length);
            }
            this.waiters.splice(0).forEach(wake => wake());
        });
        child.stderr.on('data', chunk => { this.stderr += chunk; });
    }

    write(bytes: Buffer | string): void {
        this.child.stdin.write(bytes);
    }

    send(message: object): void {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    }

    /** The response to request `id`, or undefined after `timeoutMs`. */
    async response(id: number, timeoutMs = ANSWER_MS): Promise<{ result?: unknown; error?: { code: number } } | undefined> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const found = this.messages.find(m => m.id === id);
            if (found || Date.now() > deadline) {
                return found;
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    /** User plus system CPU time of the server process, in clock ticks (/proc/<pid>/stat fields 14, 15). */
    cpuTicks(): number {
        const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf-8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[11]) + Number(fields[12]);
    }
}

const CASES: { name: string; bad: Buffer | string; logged: RegExp }[] = [
    { name: 'a header without Content-Length (and its body)', bad: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":900,"method":"shutdown"}', logged: /no Content-Length/ },
    { name: 'a non-numeric Content-Length', bad: 'Content-Length: abc\r\n\r\n', logged: /not a whole number of bytes: "abc"/ },
    { name: 'a negative Content-Length', bad: 'Content-Length: -5\r\n\r\n', logged: /not a whole number of bytes: "-5"/ },
    { name: 'a Content-Length of 10^12', bad: 'Content-Length: 1000000000000\r\n\r\n', logged: /1000000000000 is over the limit/ },
    { name: 'garbage bytes before a header', bad: Buffer.from([0x00, 0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0x67, 0x61, 0x72, 0x62, 0x0D, 0x0A]), logged: /byte 0x00 where a message header was expected/ },
    { name: 'a header line without a colon', bad: 'hello world\r\n\r\n', logged: /not "Name: value": "hello world"/ },
    { name: 'a Content-Length shorter than its body', bad: 'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":901,"method":"shutdown"}', logged: /not a JSON object of the declared 10 bytes/ }
];

let client: RawClient;

beforeAll(async () => {
    const child = spawn(process.execPath, [OSA, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    client = new RawClient(child);
    client.send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} } });
    expect(await client.response(1, 30_000)).toHaveProperty('result');
    client.send({ method: 'initialized', params: {} });
    // Let the start-up work (loading data, compiling hot code) finish first, so that the idle checks below measure
    // what a bad header does, not start-up on a busy machine: wait for a quarter second with almost no CPU used.
    for (let waited = 0; waited < 15_000; waited += 250) {
        const ticks = client.cpuTicks();
        await new Promise(resolve => setTimeout(resolve, 250));
        if (client.cpuTicks() - ticks < 3) {
            break;
        }
    }
});

afterAll(() => {
    if (client.child.exitCode === null) {
        client.child.kill();
    }
});

describe('osa lsp --stdio on malformed message headers', () => {
    let id = 100;
    for (const { name, bad, logged } of CASES) {
        it(`skips ${name}, says so on stderr and answers the next request without spinning`, async () => {
            const before = client.stderr.length;
            client.write(bad);
            // Any request gets an answer; an unknown method gets "method not found" at once.
            const request = ++id;
            client.send({ id: request, method: 'osa/ping', params: {} });
            const answer = await client.response(request);
            expect(answer, `no answer within ${ANSWER_MS} ms; stderr: ${client.stderr.slice(before)}`).toBeDefined();
            expect(answer!.error?.code).toBe(-32601);
            expect(client.stderr.slice(before)).toMatch(logged);
            expect(client.stderr.slice(before)).toMatch(/resumed at a well-formed message after skipping \d+ bytes/);
            // Idle after the bad input: the CPU time must stay flat (a spinning loop burns ~100 ticks a second).
            const ticks = client.cpuTicks();
            await new Promise(resolve => setTimeout(resolve, 1_000));
            expect(client.cpuTicks() - ticks).toBeLessThan(20);
        });
    }

    it('never took a skipped body for a request, and still shuts down cleanly', async () => {
        expect(await client.response(900, 0)).toBeUndefined();
        expect(await client.response(901, 0)).toBeUndefined();
        const exited = new Promise<number | null>(resolve => client.child.once('exit', code => resolve(code)));
        client.send({ id: 2, method: 'shutdown' });
        expect(await client.response(2)).toHaveProperty('result', null);
        client.send({ method: 'exit' });
        expect(await exited).toBe(0);
        expect(client.stderr).not.toMatch(/internal error|    at /);
    });
});
