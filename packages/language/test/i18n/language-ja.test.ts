/**
 * The language layer in Japanese: every finding that is not a guideline rule's (syntax, value forms, unknown words,
 * repeats, parse and lexer errors, unresolved references, suppressions, file and configuration problems) renders
 * in Japanese with its catalogue id, leaves no English prose behind, and marks exactly what the English run marks.
 * The inputs are the malformed-input table and hostile files: binary, not UTF-8, broken configuration.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../src/engine/workspace-checker.js';
import { CATALOGUES, isMessageId, propertyTakes, type Locale } from '../../src/i18n/index.js';
import { PROPERTIES } from '../../src/model/properties.js';
import { createOsaServices } from '../../src/osa-module.js';
import { ruleById } from '../../src/rules/index.js';
import { MALFORMED_CASES } from '../malformed-cases.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';
import { JAPANESE_SCRIPT as JAPANESE } from '../../src/i18n/script.js';

/**
 * English prose left in a Japanese text: two or more English words in a row once everything that is rightly
 * ASCII is taken out (code spans, quoted user text, the JSON parser's own report, paths, code points, hyphenated
 * terms and dates, rule ids, numbers).
 */
function englishRuns(text: string): string[] {
    const stripped = text
        .replace(/`[^`]*`/g, ' ')
        .replace(/「[^」]*」/g, ' ')
        .replace(/"[^"\n]*"/g, ' ')
        .replace(/'[^'\n]*'/g, ' ')
        .replace(/[\w.~-]*\/[\w./~-]+/g, ' ')
        .replace(/U\+[0-9A-F]{4,}/g, ' ')
        .replace(/\b\w+(?:[-+]\w+)+\b/g, ' ')
        .replace(/\bOSA\d{3}\b/g, ' ')
        .replace(/\b\d[\d_.,]*\b/g, ' ');
    return stripped.match(/[A-Za-z]+(?:\s+[A-Za-z]+)+/g) ?? [];
}

function expectJapanese(text: string, where: string): void {
    expect(text, where).toMatch(JAPANESE);
    expect(englishRuns(text), `${where}: ${text}`).toEqual([]);
}

/** Findings that belong to the language layer: everything but the guideline rules. */
function isLanguageFinding(diagnostic: Diagnostic): boolean {
    return !(typeof diagnostic.code === 'string' && ruleById(diagnostic.code) !== undefined);
}

const messageIdOf = (diagnostic: Diagnostic) => (diagnostic.data as { messageId?: string } | undefined)?.messageId;

/** Validates in-memory files (below `root`) with services in `locale`; the raw LSP diagnostics per file. */
async function check(files: Record<string, string>, locale: Locale, root = '/workspace'): Promise<Record<string, Diagnostic[]>> {
    const { shared } = createOsaServices(EmptyFileSystem, { locale });
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(root, name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [name, document] as const;
    });
    await shared.workspace.DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    return Object.fromEntries(documents.map(([name, document]) => [name, document.diagnostics ?? []]));
}

/** Checks a file in both locales and compares its language findings: same ids, ranges, severities; Japanese text. */
async function compareLocales(files: Record<string, string>, file: string, root?: string): Promise<Diagnostic[]> {
    const en = (await check(files, 'en', root))[file].filter(isLanguageFinding);
    const ja = (await check(files, 'ja', root))[file].filter(isLanguageFinding);
    expect(ja.map(d => [messageIdOf(d), d.range, d.severity, d.code])).toEqual(en.map(d => [messageIdOf(d), d.range, d.severity, d.code]));
    for (const [index, finding] of ja.entries()) {
        const id = messageIdOf(finding);
        expect(id, `no messageId: ${en[index].message}`).toBeDefined();
        expect(isMessageId(id!), `${id} is a catalogue id`).toBe(true);
        expect(finding.message).not.toBe(en[index].message);
        expectJapanese(finding.message as string, id!);
        for (const related of finding.relatedInformation ?? []) {
            expectJapanese(related.message, `${id} (related)`);
        }
    }
    return ja;
}

describe('the malformed-input table in Japanese', () => {
    it.each(MALFORMED_CASES.filter(c => c.expected.some(e => e.rule === 'syntax')).map(c => [c.name, c] as const))('%s', async (_name, testCase) => {
        const ja = await compareLocales({ 'templates.osa': STANDARD_TEMPLATE, 'programme.osa': testCase.code }, 'programme.osa');
        expect(ja.length).toBe(testCase.expected.filter(e => e.rule === 'syntax').length);
    });
});

describe('hostile and broken sheets in Japanese', () => {
    const cases: [string, string][] = [
        ['a NUL byte: not a programme sheet', '\u0000\u00ff\ufffd programme {{{ "unterminated'],
        ['braces only', '}}}}'],
        ['a keyword and the end of the file', 'programme'],
        ['a misspelt declaration', 'programm OSA-FY2025-X {}\n'],
        ['an unknown word with nothing close to it', programme({ modality: 'modality grant\n    zzzzzzzzzz' })],
        ['a replaced keyword', programme({ fields: 'field peacekeeping { un-mission UNMISS }' })],
        ['an unterminated text and a right-to-left override', programme({ title: 'title "Coastal radar\u202e' })],
        ['an unresolved template and envelope', programme({ agreement: 'agreement uses NoSuchTemplate signed 2024-12-05' }) + '\n'],
        ['an exception naming no rule', programme({ extra: 'exception OSA999 { justification "x" }' })],
        ['a suppression without a reason, one naming no rule, one silencing nothing',
            `// osa-disable-next-line OSA103\n// osa-disable NOTARULE -- because\n// osa-disable OSA601 -- kept for the audit\n${programme()}`],
        ['an operation outside the UN without a lead, and a misspelt UN operation',
            programme({ fields: 'field peacekeeping { operation "Ceasefire monitoring" operation UNMIS }' })],
        ['a funding block with a repeated year and a share before the fiscal year',
            programme({ amount: 'funding {\n 2023 1_000 JPY\n 2025 2_000 JPY\n 2025 3_000 JPY\n }' })]
    ];

    it.each(cases)('%s', async (_name, code) => {
        const ja = await compareLocales({ 'templates.osa': STANDARD_TEMPLATE, 'programme.osa': code }, 'programme.osa');
        expect(ja.length).toBeGreaterThan(0);
    });

    it('the binary sheet is one finding, `io.binary` inside `file.notChecked`', async () => {
        const [finding, ...others] = (await check({ 'programme.osa': cases[0][1] }, 'ja'))['programme.osa'];
        expect(others).toEqual([]);
        expect(messageIdOf(finding)).toBe('file.notChecked');
        expect(finding.message).toBe(CATALOGUES.ja['file.notChecked'].replace('{problem}', CATALOGUES.ja['io.binary'].replace('{line}', '1').replace('{column}', '1')));
    });
});

describe('a language check that fails', () => {
    it('is one finding in the locale, naming the error and where to report it', async () => {
        const failing = async (locale: Locale) => {
            const { shared, Osa } = createOsaServices(EmptyFileSystem, { locale });
            Osa.validation.ValidationRegistry.register({ Programme: () => { throw new Error('boom'); } });
            const document = shared.workspace.LangiumDocumentFactory.fromString(programme(), URI.file('/workspace/programme.osa'));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            return (document.diagnostics ?? []).filter(d => messageIdOf(d) === 'language.checkFailed');
        };
        const [en, ja] = [await failing('en'), await failing('ja')];
        expect(en).toHaveLength(1);
        expect(en[0].message).toMatch(/^Internal error: a language check failed on this file \(boom\)\. The other checks still ran\./);
        expect(ja.map(d => d.range)).toEqual(en.map(d => d.range));
        expect(ja[0].message).toContain('（boom）');
        expectJapanese(ja[0].message, 'language.checkFailed');
    });
});

describe('files and configurations on disk, in Japanese', () => {
    const folder = (files: Record<string, string | Buffer>) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-ja-'));
        fs.writeFileSync(path.join(dir, 'templates.osa'), STANDARD_TEMPLATE);
        for (const [name, content] of Object.entries(files)) {
            fs.writeFileSync(path.join(dir, name), content);
        }
        return dir;
    };

    it('a binary file and a file that is not UTF-8, through the workspace checker', async () => {
        const dir = folder({ 'binary.osa': Buffer.from([0x70, 0x72, 0x00, 0x01, 0xff]), 'latin1.osa': Buffer.from(programme({ title: 'title "Bogot\xe1"' }), 'latin1') });
        const run = (locale: Locale) => validateWorkspace(dir, [path.join(dir, 'binary.osa'), path.join(dir, 'latin1.osa')], { locale });
        const [en, ja] = [await run('en'), await run('ja')];
        expect(ja.problems.map(p => [p.path, p.text?.id])).toEqual([[path.join(dir, 'binary.osa'), 'io.binary']]);
        expect(en.problems[0].message).toBe('a binary file, not text (a NUL byte at line 1, column 3)');
        expectJapanese(ja.problems[0].message, 'io.binary');
        const invalid = (run: typeof ja) => run.reports.find(r => r.path.endsWith('latin1.osa'))!.diagnostics.filter(d => d.rule === 'syntax');
        expect(invalid(ja).map(d => d.range)).toEqual(invalid(en).map(d => d.range));
        expect(invalid(en)[0].message).toMatch(/^The file is not valid UTF-8 at line \d+, column \d+/);
        expectJapanese(invalid(ja)[0].message, 'io.invalidUtf8');
    });

    const configs: [string, string, string][] = [
        ['broken JSON', '{ "rules": ', 'config.notJson'],
        ['an unknown setting', JSON.stringify({ rulez: {} }), 'config.schema.unknownSetting'],
        ['an unknown rule id', JSON.stringify({ rules: { OSA999: 'off' } }), 'config.schema.notRuleId'],
        ['a severity that is not one', JSON.stringify({ rules: { OSA101: 'loud' } }), 'config.schema.enum'],
        ['a required property missing', JSON.stringify({ vocabulary: { activity: { 'harbour-dredging': { description: 'x' } } } }), 'config.schema.required'],
        ['a wrong type', JSON.stringify({ ignore: 'drafts' }), 'config.schema.type'],
        ['a check date that does not exist', JSON.stringify({ asOf: '2026-02-30' }), 'config.asOf'],
        ['a data file outside the folder', JSON.stringify({ referenceData: { dacList: '../dac.json' } }), 'config.dataOutside'],
        ['a built-in term redefined', JSON.stringify({ vocabulary: { 'item-category': { 'patrol-boat': { description: 'x', conflictRelated: false, defenseEquipment: false } } } }), 'config.vocabulary.builtIn']
    ];

    it.each(configs)('an invalid osa.config.json: %s', async (_name, config, detailId) => {
        const dir = folder({ 'osa.config.json': config, 'programme.osa': programme() });
        // In the editor's path: the document validator's one finding for the file.
        const ja = await compareLocales({ 'programme.osa': programme() }, 'programme.osa', dir);
        expect(ja.map(messageIdOf)).toEqual(['file.configInvalid']);
        // In the CLI's path: the workspace is a problem, not a set of findings.
        const { problems } = await validateWorkspace(dir, [path.join(dir, 'programme.osa')], { locale: 'ja' });
        expect(problems).toHaveLength(1);
        const text = problems[0].text as { id: string; params: { detail: { id: string } } };
        expect(text.params.detail.id).toBe(detailId);
        expectJapanese(problems[0].message, detailId);
        const english = await validateWorkspace(dir, [path.join(dir, 'programme.osa')]);
        expect(english.problems[0].message).toMatch(/^invalid configuration.*; the workspace's files were not validated$/);
    });
});

describe('what every property takes', () => {
    const rows = Object.entries(PROPERTIES).flatMap(([type, specs]) => specs.map(spec => [`${type}.${spec.feature}`, type, spec] as const));

    it.each(rows)('%s: the catalogue has the table\'s English and a Japanese text (and a label when it has no keyword)', (_name, type, spec) => {
        expect(propertyTakes(type, spec, 'en')).toBe(spec.takes);
        expectJapanese(propertyTakes(type, spec, 'ja'), `property.${type}.${spec.feature}.takes`);
        if (!spec.keyword) {
            const label = `property.${type}.${spec.feature}.label`;
            expect(isMessageId(label) && CATALOGUES.en[label]).toBe(spec.label);
        }
    });
});

describe('the check for English prose', () => {
    it('finds English left in a Japanese text, and leaves code, quotes and terms alone', () => {
        expect(englishRuns('この案件は `modality grant` と "Coastal radar" を docs/ja/language.md で確認します（U+003D、YYYY-MM-DD、OSA101、FY2025）')).toEqual([]);
        expect(englishRuns('案件 X に is not a rule id があります')).toEqual(['is not a rule id']);
    });
});
