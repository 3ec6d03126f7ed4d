/**
 * Text from a file is never a command. Every payload below is written into real .osa files, as an
 * item name (OSA304 and OSA503 quote it), a beneficiary name (OSA102 quotes it), a suppression
 * reason and a file name (and a parse error quotes a string with a forged annotation), and the real
 * `osa validate` runs them through every format:
 *   - stylish (plain and coloured) and github: no raw control character, bidirectional control or
 *     line separator (only osa's own line breaks and colours), one line per finding, no line that
 *     a CI runner would take for a workflow command, no in-line legacy command (`##[`, `##vso[`);
 *   - github: every line one well-formed workflow command, one per finding and problem;
 *   - junit: well-formed XML 1.0 with no control characters in the text;
 *   - json and sarif: valid, and they carry each payload exactly as written.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAll, parseXml, textOf } from './formatters/xml.js';
import { OSA, REPO } from './lsp/lsp-client.js';

interface Payload {
    name: string;
    text: string;
    /** Written with string escapes (`\n`, `\0`) instead of the raw characters (a string may not span lines). */
    escaped?: boolean;
}

const PAYLOADS: Payload[] = [
    { name: 'newline and a forged annotation', text: 'radar\n::error file=README.md,line=1::forged annotation', escaped: true },
    { name: 'CR LF and a forged warning, as string escapes', text: 'radar\r\n::warning file=README.md::forged', escaped: true },
    { name: 'carriage return over the line', text: 'harmless\rOVERWRITTEN', escaped: true },
    { name: 'ESC SGR colour', text: '\u001b[31mred\u001b[0m' },
    { name: 'OSC-8 hyperlink', text: '\u001b]8;;http://x\u0007click\u001b]8;;\u0007' },
    { name: 'BEL', text: 'bell\u0007' },
    { name: 'C1 CSI', text: '\u009b2J cleared' },
    { name: 'DEL', text: 'del\u007f' },
    { name: 'NUL, as a string escape', text: 'nul\u0000byte', escaped: true },
    { name: 'percent-encoded newline', text: 'pct%0A::error::forged%25' },
    { name: 'XML breaker', text: '</failure><x a="1">&amp;' },
    { name: 'JSON breaker', text: '"}],"x":"' },
    { name: 'bidi override (trojan source)', text: 'admin\u202e\u2066 // check\u2069\u2066' },
    { name: 'legacy in-line commands', text: 'x ##[error]legacy ##[stop-commands]t ##vso[task.complete result=Failed]' },
    { name: 'line separator', text: 'one\u2028::error::two' }
];

/** Characters no text format may print raw (osa's own \n line breaks and SGR colours aside). */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const OWN_COLOURS = /\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/** The payload as the inside of an OSA string literal. */
function literal(p: Payload): string {
    const text = p.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return p.escaped ? text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\0/g, '\\0') : text;
}

let dir: string;
const files: string[] = [];

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-injection-'));
    fs.cpSync(path.join(REPO, 'examples/shared'), path.join(dir, 'shared'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}');
    const example = fs.readFileSync(path.join(REPO, 'examples/violations/OSA304-defense-equipment-purpose.osa'), 'utf-8');
    const replace = (text: string, from: string, to: string) => {
        expect(text, `the example still contains ${from}`).toContain(from);
        return text.replace(from, to);
    };
    // File names: the payload itself (a slash cannot be in a name, NUL neither), and two names that would
    // start a stylish line with a workflow command or carry a legacy one.
    const names = [
        ...PAYLOADS.map((p, i) => `f${i}-${p.text.replace(/[/\0]/g, '_')}.osa`),
        '::error file=README.md,line=1::forged by a file name.osa',
        '  ::warning::indented.osa',
        '##[error]legacy by a file name.osa'
    ];
    names.forEach((name, i) => {
        const p = PAYLOADS[i % PAYLOADS.length];
        let text = replace(example, '"Long-range air surveillance radar"', `"${literal(p)}"`);
        text = replace(text, 'beneficiary "Royal Thai Air Force" kind armed-forces', `beneficiary "${literal(p)}"`);
        // OSA503 (no transfer-scheme coordination) also quotes the item; it is waived with the payload as reason.
        text = replace(text, '    coordination transfer-scheme\n', '');
        text = `// osa-disable OSA503 -- waived: ${p.text.replace(/[\r\n\0]/g, ' ')}\n${text}`;
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        files.push(file);
    });
    // A parse error quotes the token it found: here a string broken by a raw line break before a forged annotation.
    fs.writeFileSync(path.join(dir, 'syntax.osa'), 'programme SYNTAX {\n    modality "x\n::error file=README.md,line=1::forged by a parse error"\n}\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function osa(...args: string[]) {
    const result = spawnSync(process.execPath, [OSA, 'validate', '.', ...args], { cwd: dir, encoding: 'utf-8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
    return result.stdout;
}

interface JsonReport {
    files: { path: string; diagnostics: { rule: string; message: string; related?: { path: string }[] }[]; suppressed: { suppression: { reason: string } }[] }[];
    errors: { path: string; message: string }[];
}

let json: JsonReport;
const findings = () => json.files.reduce((n, f) => n + f.diagnostics.length, 0);

describe('hostile text through every format of the real CLI', () => {
    beforeAll(() => {
        json = JSON.parse(osa('--format', 'json')) as JsonReport;
    });

    it('json is valid and carries every payload, file name and reason exactly', () => {
        expect(json.files.map(f => f.path)).toEqual(expect.arrayContaining(files.map(f => path.basename(f))));
        for (const p of PAYLOADS) {
            const messages = json.files.flatMap(f => f.diagnostics.map(d => d.message));
            expect(messages.some(m => m.includes(`"${p.text}" is defense equipment`)), p.name).toBe(true);
            expect(messages.some(m => m.includes(`The beneficiary "${p.text}"`)), p.name).toBe(true);
            const reasons = json.files.flatMap(f => f.suppressed.map(s => s.suppression.reason));
            expect(reasons.some(r => r.includes(p.text.replace(/[\r\n\0]/g, ' '))), p.name).toBe(true);
        }
        // The duplicate programme id points at every other file: file names travel as related paths too.
        const payloadFiles = json.files.filter(f => files.some(file => path.basename(file) === f.path));
        expect(payloadFiles).toHaveLength(files.length);
        expect(payloadFiles.every(f => f.diagnostics.some(d => d.rule === 'OSA602' && (d.related?.length ?? 0) === files.length - 1))).toBe(true);
    });

    it('sarif is valid SARIF 2.1.0 and carries every payload exactly', () => {
        const require = createRequire(import.meta.url);
        const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats.default(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf-8')) as object);
        const sarif = JSON.parse(osa('--format', 'sarif')) as { runs: { results: { message: { text: string } }[] }[] };
        expect(validate(sarif) ? [] : validate.errors).toEqual([]);
        const texts = sarif.runs[0].results.map(r => r.message.text);
        for (const p of PAYLOADS) {
            expect(texts.some(t => t.includes(`"${p.text}" is defense equipment`)), p.name).toBe(true);
        }
    });

    for (const colour of [false, true]) {
        it(`stylish${colour ? ' with colour' : ''}: one line per finding, nothing raw, no line a runner would execute`, () => {
            const output = osa('--format', 'stylish', colour ? '--color' : '--no-color');
            const plain = output.replace(OWN_COLOURS, '');
            const lines = plain.split('\n');
            expect(lines.pop()).toBe('');
            for (const line of lines) {
                expect(line).not.toMatch(UNSAFE);
                expect(line.trimStart(), line).not.toMatch(/^::/);
                expect(line).not.toMatch(/##(vso)?\[/i);
            }
            expect(lines).toHaveLength(findings() + 1);
            // The payloads are still there to read, escaped.
            expect(plain).toContain('"radar\\n::error file=README.md,line=1::forged annotation" is defense equipment');
            expect(plain).toContain('"\\x1b[31mred\\x1b[0m"');
            expect(plain).toContain('\n\\x3a:error file=README.md,line=1::forged by a file name.osa:');
            // The parse error's wording is the grammar's; what matters is that it is reported, on lines of its own.
            expect(plain).toMatch(/^syntax\.osa:\d+:\d+ {2}error {2}/m);
        });
    }

    it('github: exactly one well-formed workflow command per finding, nothing raw', () => {
        const output = osa('--format', 'github');
        const lines = output.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(findings() + json.errors.length);
        for (const line of lines) {
            expect(line).toMatch(/^::(error|warning|notice) file=[^:,]+(,(line|col|endLine|endColumn|title)=[^:,]+)*::.+$/);
            expect(line).not.toMatch(UNSAFE);
            expect(line).not.toMatch(/##(vso)?\[/i);
        }
    });

    it('junit: well-formed XML with no control characters in its text', () => {
        const output = osa('--format', 'junit');
        const root = parseXml(output);
        const cases = findAll(root, 'testcase');
        expect(cases.filter(c => c.attributes.name !== 'no findings')).toHaveLength(findings() + json.files.reduce((n, f) => n + f.suppressed.length, 0));
        const texts = [
            ...cases.flatMap(c => Object.values(c.attributes)),
            ...['failure', 'skipped', 'system-out'].flatMap(name => findAll(root, name).flatMap(e => [...Object.values(e.attributes), textOf(e)]))
        ];
        for (const text of texts) {
            // Line breaks inside element text separate osa's own detail lines.
            expect(text.replace(/\n/g, '')).not.toMatch(UNSAFE);
        }
        expect(output).toContain('&quot;\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07&quot; is defense equipment');
        expect(output).toContain('&lt;/failure&gt;&lt;x a=&quot;1&quot;&gt;&amp;amp;');
    });
});
