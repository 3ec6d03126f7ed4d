/**
 * The output formats of `osa validate`: golden files for every format on one run that has every case
 * (clean file, error + warning + info with related locations, syntax errors, a suppressed finding,
 * unreadable paths, characters that need escaping), plus what each format must be:
 *   - sarif: valid against the official SARIF 2.1.0 schema, for every fixture run;
 *   - junit: well-formed XML whose counts add up;
 *   - github: one workflow command per line that un-escapes to the original values.
 *
 * The golden files are in golden/. After a deliberate change to a format, regenerate and review them:
 *   UPDATE_GOLDEN=1 npx vitest run packages/cli/test/formatters
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ALL_RULES, neutralise, type ValidationRun } from '@osa-policy/language';
import { describe, expect, it } from 'vitest';
import { FORMATTERS, type FormatContext } from '../../src/formatters/index.js';
import { CLEAN, context, CWD, FINDINGS, FULL_RUN, PROBLEMS, RULES, RUNS } from './fixtures.js';
import { findAll, parseXml, textOf, XmlError, type XmlElement } from './xml.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.join(HERE, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const GOLDENS: { file: string; render: () => string }[] = [
    { file: 'stylish.txt', render: () => FORMATTERS.stylish(FULL_RUN, context()) },
    { file: 'stylish-color.txt', render: () => FORMATTERS.stylish(FULL_RUN, context(true)) },
    { file: 'json.json', render: () => FORMATTERS.json(FULL_RUN, context()) },
    { file: 'sarif.sarif.json', render: () => FORMATTERS.sarif(FULL_RUN, context()) },
    { file: 'junit.xml', render: () => FORMATTERS.junit(FULL_RUN, context()) },
    { file: 'github.txt', render: () => FORMATTERS.github(FULL_RUN, context()) },
    // --locale ja: the framing is Japanese (the fixture's messages are data and stay as they are).
    { file: 'stylish.ja.txt', render: () => FORMATTERS.stylish(FULL_RUN, { ...context(), locale: 'ja' }) },
    { file: 'sarif.ja.sarif.json', render: () => FORMATTERS.sarif(FULL_RUN, { ...context(), locale: 'ja' }) },
    { file: 'junit.ja.xml', render: () => FORMATTERS.junit(FULL_RUN, { ...context(), locale: 'ja' }) },
    { file: 'github.ja.txt', render: () => FORMATTERS.github(FULL_RUN, { ...context(), locale: 'ja' }) }
];

describe('golden files', () => {
    for (const { file, render } of GOLDENS) {
        it(file, () => {
            const output = render();
            const golden = path.join(GOLDEN, file);
            if (UPDATE) {
                fs.mkdirSync(GOLDEN, { recursive: true });
                fs.writeFileSync(golden, output);
            }
            expect(fs.existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
            expect(output).toBe(fs.readFileSync(golden, 'utf-8'));
        });
    }

    it('json is the same in every locale: its texts are the findings\' own, already rendered', () => {
        expect(FORMATTERS.json(FULL_RUN, { ...context(), locale: 'ja' })).toBe(FORMATTERS.json(FULL_RUN, context()));
    });

    it('every format is deterministic', () => {
        for (const [name, format] of Object.entries(FORMATTERS)) {
            expect(format(FULL_RUN, context()), name).toBe(format(structuredClone(FULL_RUN), context()));
        }
    });
});

// ---------------------------------------------------------------------------------------------- SARIF

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf-8')) as object;

// The schema is draft-04; its `language` pattern is not valid with the `u` flag, hence unicodeRegExp.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

interface SarifLog {
    $schema: string;
    version: string;
    runs: {
        tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
        invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
        originalUriBaseIds: Record<string, { uri: string }>;
        artifacts: { location: { uri: string; uriBaseId?: string } }[];
        results: {
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index?: number }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
            relatedLocations?: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
            suppressions?: { kind: string; justification: string; location: { physicalLocation: { region: { startLine: number } } } }[];
        }[];
    }[];
}

function sarif(run: ValidationRun, ctx: FormatContext = context()): SarifLog {
    const text = FORMATTERS.sarif(run, ctx);
    expect(text.endsWith('}\n')).toBe(true);
    const log = JSON.parse(text) as SarifLog;
    const valid = validateSarif(log);
    expect(valid ? [] : validateSarif.errors).toEqual([]);
    return log;
}

/** Resolves an artifact location to an absolute path, as a SARIF consumer would. */
function resolveUri(log: SarifLog, location: { uri: string; uriBaseId?: string }): string {
    const base = location.uriBaseId ? log.runs[0].originalUriBaseIds[location.uriBaseId].uri : undefined;
    return fileURLToPath(new URL(location.uri, base));
}

describe('sarif', () => {
    for (const [name, run] of Object.entries(RUNS)) {
        it(`is valid SARIF 2.1.0: ${name}`, () => {
            sarif(run);
            sarif(run, { ...context(), rules: ALL_RULES });
            sarif(run, { ...context(), rules: ALL_RULES, locale: 'ja' });
        });
    }

    it('the schema check does catch an invalid log', () => {
        const log = JSON.parse(FORMATTERS.sarif(FULL_RUN, context())) as SarifLog;
        log.runs[0].results[0].level = 'fatal';
        expect(validateSarif(log)).toBe(false);
    });

    it('describes the tool and every rule, then syntax and suppression', () => {
        const log = sarif(FULL_RUN, { ...context(), rules: ALL_RULES });
        expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const driver = log.runs[0].tool.driver;
        expect(driver).toMatchObject({ name: 'osa', version: '0.1.0', semanticVersion: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
        expect(driver.rules.map(r => r.id)).toEqual([...ALL_RULES.map(r => r.id), 'syntax', 'suppression']);
        for (const rule of ALL_RULES) {
            const descriptor = driver.rules.find(r => r.id === rule.id)!;
            expect(descriptor.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
            expect(descriptor.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
            expect(descriptor.properties).toMatchObject({ clause: rule.clause, family: rule.family });
        }
    });

    it('results point at their rule, file and region; related locations resolve', () => {
        const log = sarif(FULL_RUN);
        const run = log.runs[0];
        for (const result of run.results) {
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
        }
        const bySeverity = run.results.filter(r => !r.suppressions).map(r => [r.ruleId, r.level]);
        expect(bySeverity).toEqual([
            ['OSA101', 'error'], ['OSA402', 'error'], ['OSA311', 'warning'], ['suppression', 'warning'], ['OSA502', 'note'],
            ['syntax', 'error'], ['syntax', 'error']
        ]);
        expect(run.originalUriBaseIds.SRCROOT.uri).toBe('file:///work/project/');
        const first = run.results[0].locations[0].physicalLocation;
        expect(resolveUri(log, first.artifactLocation)).toBe(FINDINGS.path);
        expect(first.region).toEqual({ startLine: 5, startColumn: 15, endLine: 5, endColumn: 18 });
        const related = run.results[1].relatedLocations!;
        expect(related.map(r => resolveUri(log, r.physicalLocation.artifactLocation))).toEqual(FINDINGS.diagnostics[1].related!.map(r => r.path));
        expect(related[0].physicalLocation.artifactLocation.uri).toBe('shared/templates%20%26%20notes%2C%20v1%232.osa');
        expect(related[1].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/shared/base.osa' });
        const broken = run.results.find(r => r.ruleId === 'syntax')!.locations[0].physicalLocation.artifactLocation;
        expect(broken.uri).toBe('programmes/broken%20draft%20%232.osa');
        expect(run.artifacts.map(a => resolveUri(log, a.location))).toEqual(FULL_RUN.reports.map(r => r.path));
    });

    it('suppressed findings carry an inSource suppression with the reason and the comment', () => {
        const suppressed = sarif(FULL_RUN).runs[0].results.filter(r => r.suppressions);
        expect(suppressed).toHaveLength(1);
        expect(suppressed[0].ruleId).toBe('OSA601');
        expect(suppressed[0].suppressions).toEqual([expect.objectContaining({
            kind: 'inSource', justification: FINDINGS.suppressed[0].suppression.reason
        })]);
        expect(suppressed[0].suppressions![0].location.physicalLocation.region.startLine).toBe(6);
    });

    it('unreadable paths are error notifications and make the execution unsuccessful', () => {
        const failed = sarif(RUNS['problems-only']).runs[0];
        expect(failed.invocations[0].executionSuccessful).toBe(false);
        expect(failed.results).toEqual([]);
        expect(failed.invocations[0].toolExecutionNotifications!.map(n => [n.level, n.message.text, n.locations[0].physicalLocation.artifactLocation.uri]))
            .toEqual(PROBLEMS.map(p => ['error', p.message, path.relative(CWD, p.path).replace(/ /g, '%20')]));
        const clean = sarif(RUNS.clean).runs[0];
        expect(clean.invocations[0]).toEqual({ executionSuccessful: true });
        expect(clean.results).toEqual([]);
    });

    it('a region is never inverted or zero-based', () => {
        const odd: ValidationRun = {
            reports: [{ ...CLEAN, diagnostics: [{ rule: 'syntax', severity: 'error', clause: null, message: 'x', range: { start: { line: 3, column: 0 }, end: { line: 2, column: 0 } } }] }],
            problems: []
        };
        expect(sarif(odd).runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 });
    });

    it('an unknown code gets its own descriptor so that ruleIndex stays valid', () => {
        const odd: ValidationRun = {
            reports: [{ ...CLEAN, diagnostics: [{ rule: 'OSA999', severity: 'warning', clause: null, message: 'x', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } }] }],
            problems: []
        };
        const run = sarif(odd).runs[0];
        expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('OSA999');
    });
});

// ---------------------------------------------------------------------------------------------- JUnit

function junit(run: ValidationRun): XmlElement {
    const text = FORMATTERS.junit(run, context());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(text.endsWith('</testsuites>\n') || text.endsWith('/>\n')).toBe(true);
    return parseXml(text);
}

const count = (e: XmlElement, attribute: string) => Number(e.attributes[attribute]);

describe('junit', () => {
    it('the XML checker rejects what is not well-formed', () => {
        const bad = [
            '<a>', '<a></b>', '<a b="1" b="2"/>', '<a b="<"/>', '<a>&</a>', '<a>&nbsp;</a>', '<a>&#0;</a>', '<a>\u0001</a>',
            '<a/><b/>', '<a>]]></a>', '<a b=1/>', '<a b="1"c="2"/>', '<1a/>', 'text<a/>'
        ];
        for (const xml of bad) {
            expect(() => parseXml(xml), xml).toThrow(XmlError);
        }
        expect(parseXml('<?xml version="1.0"?>\n<a b="x&#10;y&amp;" c=\'"\'>t&lt;<b/>&#x1F6A2;</a>\n')).toEqual({
            name: 'a', attributes: { b: 'x\ny&', c: '"' }, children: ['t<', { name: 'b', attributes: {}, children: [] }, '\u{1F6A2}']
        });
    });

    for (const [name, run] of Object.entries(RUNS)) {
        it(`is well-formed and its counts add up: ${name}`, () => {
            const root = junit(run);
            expect(root.name).toBe('testsuites');
            expect(root.attributes.name).toBe('osa');
            const suites = findAll(root, 'testsuite');
            expect(suites).toHaveLength(run.reports.length + new Set(run.problems.map(p => p.path)).size);
            for (const attribute of ['tests', 'failures', 'errors', 'skipped']) {
                expect(count(root, attribute), attribute).toBe(suites.reduce((n, s) => n + count(s, attribute), 0));
            }
            for (const suite of suites) {
                expect(count(suite, 'tests')).toBe(findAll(suite, 'testcase').length);
                expect(count(suite, 'failures')).toBe(findAll(suite, 'failure').length);
                expect(count(suite, 'errors')).toBe(findAll(suite, 'error').length);
                expect(count(suite, 'skipped')).toBe(findAll(suite, 'skipped').length);
                expect(count(suite, 'tests')).toBeGreaterThan(0);
            }
        });
    }

    it('maps findings, infos, suppressions, clean files and problems', () => {
        const root = junit(FULL_RUN);
        const [findings, broken, clean, missing, config] = findAll(root, 'testsuite');
        expect([findings, broken, clean, missing, config].map(s => s.attributes.name)).toEqual([
            'programmes/OSA-FY2024-IDN.osa', 'programmes/broken draft #2.osa', 'programmes/clean.osa', 'no/such file.osa', 'osa.config.json'
        ]);
        const cases = findAll(findings, 'testcase');
        expect(cases.map(c => c.attributes.classname)).toEqual(['OSA101', 'OSA402', 'OSA311', 'suppression', 'OSA502', 'OSA601']);
        expect(cases[0].attributes.name).toBe('5:15 OSA101 The recipient "XYZ" is not on the DAC List of ODA Recipients for FY2024 & so…');
        expect(cases[0].attributes.file).toBe('programmes/OSA-FY2024-IDN.osa');
        const failure = findAll(cases[0], 'failure')[0];
        // Its line break is repository text: shown as \n, like every control character.
        expect(failure.attributes).toEqual({ message: neutralise(FINDINGS.diagnostics[0].message), type: 'error' });
        expect(failure.attributes.message).toContain('§2(1).\\nDeclare');
        expect(textOf(failure)).toContain(neutralise(FINDINGS.diagnostics[0].message));
        expect(findAll(cases[2], 'failure')[0].attributes.type).toBe('warning');
        expect(findAll(cases[4], 'failure')).toEqual([]);
        expect(textOf(findAll(cases[4], 'system-out')[0])).toContain(FINDINGS.diagnostics[4].message);
        expect(findAll(cases[5], 'skipped')[0].attributes.message).toBe('suppressed (next-line): agreed with MOFA & MOD: see memo "12-3", item <a>');
        expect(textOf(findAll(cases[1], 'failure')[0])).toContain('related: shared/templates & notes, v1#2.osa:3:10 The template \'StandardExchangeOfNotes\' is declared here');
        expect(findAll(broken, 'testcase').map(c => c.attributes.classname)).toEqual(['syntax', 'syntax']);
        expect(findAll(clean, 'testcase').map(c => c.attributes)).toEqual([{ classname: 'osa', name: 'no findings', file: 'programmes/clean.osa' }]);
        expect(findAll(config, 'error')[0].attributes).toEqual({ message: PROBLEMS[1].message, type: 'input' });
        expect(root.attributes).toEqual({ name: 'osa', tests: '11', failures: '6', errors: '2', skipped: '1' });
    });

    it('shows control characters and the characters XML 1.0 forbids as escapes, and keeps the rest', () => {
        const root = junit(RUNS['control-characters']);
        const failure = findAll(root, 'failure')[0];
        expect(failure.attributes.message).toBe('unexpected character: ->\\x00<- at offset: 0, skipped 1 characters. '
            + '\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x0b\\x0c\\x0e\\x1f\\ufffe\\uffff lone \\ud800 surrogate, kept: tab\\there, \u{1F6A2} ship, ß, 日本');
    });
});

// --------------------------------------------------------------------------------------------- GitHub

interface Command {
    command: string;
    properties: Record<string, string>;
    message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Parses one workflow command the way the Actions runner does. */
function parseCommand(line: string): Command {
    const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    const properties: Record<string, string> = {};
    for (const pair of (match![2] ?? '').split(',').filter(p => p)) {
        const eq = pair.indexOf('=');
        expect(eq, pair).toBeGreaterThan(0);
        properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    return { command: match![1], properties, message: unescapeData(match![3]) };
}

describe('github', () => {
    it('one command per finding and problem, un-escaping to the original values', () => {
        const text = FORMATTERS.github(FULL_RUN, context());
        expect(text.endsWith('\n')).toBe(true);
        const lines = text.slice(0, -1).split('\n');
        for (const line of lines) {
            expect(line).not.toMatch(/[\r\n]/);
        }
        const commands = lines.map(parseCommand);
        const file = 'programmes/OSA-FY2024-IDN.osa';
        expect(commands.map(c => c.command)).toEqual(['error', 'error', 'warning', 'warning', 'notice', 'error', 'error', 'error', 'error']);
        expect(commands[0]).toEqual({
            command: 'error',
            properties: { file, line: '5', col: '15', endLine: '5', endColumn: '18', title: 'OSA101 (§2(1))' },
            // A line break inside a message is repository text: shown as \n, never a second line.
            message: neutralise(FINDINGS.diagnostics[0].message)
        });
        expect(commands[1].message).toBe(`${FINDINGS.diagnostics[1].message}\n`
            + 'related: shared/templates & notes, v1#2.osa:3:10 The template \'StandardExchangeOfNotes\' is declared here\n'
            + 'related: /elsewhere/shared/base.osa:1:1 It extends this base template');
        // A multi-line finding has no columns.
        expect(commands[2].properties).toEqual({ file, line: '9', endLine: '12', title: 'OSA311 (§3(2))' });
        expect(commands[2].message).toBe(FINDINGS.diagnostics[2].message);
        expect(commands[3].properties.title).toBe('suppression');
        expect(commands[5].properties).toMatchObject({ file: 'programmes/broken draft #2.osa', title: 'syntax' });
        expect(commands.slice(7)).toEqual(PROBLEMS.map(p => ({ command: 'error', properties: { file: path.relative(CWD, p.path) }, message: p.message })));
        // The suppressed OSA601 finding is not annotated.
        expect(commands.some(c => c.properties.title?.startsWith('OSA601'))).toBe(false);
    });

    it('escapes % in messages, and also : and , in properties; shows line breaks of repository text as \\r\\n', () => {
        const run: ValidationRun = {
            reports: [{
                path: `${CWD}/a:b,c%d\n.osa`, suppressed: [],
                diagnostics: [{ rule: 'OSA101', severity: 'info', clause: '§2(1)', message: '100%\r\n: , done', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } }]
            }],
            problems: []
        };
        const line = FORMATTERS.github(run, context());
        expect(line).toBe('::notice file=a%3Ab%2Cc%25d\\n.osa,line=1,col=1,endLine=1,endColumn=2,title=OSA101 (§2(1))::100%25\\r\\n: , done\n');
        expect(parseCommand(line.trimEnd())).toEqual({
            command: 'notice',
            properties: { file: 'a:b,c%d\\n.osa', line: '1', col: '1', endLine: '1', endColumn: '2', title: 'OSA101 (§2(1))' },
            message: '100%\\r\\n: , done'
        });
    });

    it('prints nothing for a clean run', () => {
        expect(FORMATTERS.github(RUNS.clean, context())).toBe('');
        expect(FORMATTERS.github(RUNS['suppressed-only'], context())).toBe('');
    });
});

// -------------------------------------------------------------------------------------------- stylish

describe('stylish', () => {
    const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

    it('keeps the one-line-per-finding shape and adds the suppressed count', () => {
        const lines = FORMATTERS.stylish(FULL_RUN, context()).split('\n');
        expect(lines[0]).toBe('programmes/OSA-FY2024-IDN.osa:5:15  error  ' + FINDINGS.diagnostics[0].message.replace('\n', '\\n') + '  OSA101 (§2(1))');
        expect(lines).toContain('programmes/OSA-FY2024-IDN.osa:20:5  info  ' + FINDINGS.diagnostics[4].message + '  OSA502 (§4(2))');
        expect(lines.at(-2)).toBe('3 files checked: 4 errors, 2 warnings, 1 info, 1 suppressed, 2 input problems');
        expect(FORMATTERS.stylish(RUNS.clean, context())).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
    });

    it('with colour, only adds ANSI codes: the same text once they are stripped', () => {
        for (const run of Object.values(RUNS)) {
            const plain = FORMATTERS.stylish(run, context());
            const coloured = FORMATTERS.stylish(run, context(true));
            expect(stripAnsi(coloured)).toBe(plain);
        }
        const coloured = FORMATTERS.stylish(FULL_RUN, context(true));
        expect(coloured).toContain('\u001b[1mprogrammes/OSA-FY2024-IDN.osa\u001b[22m:5:15  \u001b[31merror\u001b[39m  ');
        expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
        expect(coloured).toContain('\u001b[36minfo\u001b[39m');
        expect(coloured).toContain('\u001b[2mOSA502 (§4(2))\u001b[22m');
        expect(FORMATTERS.stylish(FULL_RUN, context())).not.toContain('\u001b');
    });
});

it('the fixture rule list matches the real rules it copies', () => {
    for (const rule of RULES) {
        const real = ALL_RULES.find(r => r.id === rule.id);
        expect(real && { id: real.id, name: real.name, severity: real.severity, clause: real.clause }, rule.id)
            .toEqual({ id: rule.id, name: rule.name, severity: rule.severity, clause: rule.clause });
    }
});
