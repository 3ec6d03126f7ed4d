/**
 * The language reference, docs/language.md, and its Japanese edition, docs/ja/language.md, stay in step with the language: its generated tables are what the
 * vocabularies, the property table, the currencies, the peace operations and the rule registry say today (so a
 * term, a property or a vocabulary added without documentation fails), every keyword of the grammar and every rule
 * is explained in its prose, and every ```osa example is valid OSA. Examples are validated like a user's file next
 * to the standard agreement template:
 *   ```osa            a whole file: no `syntax` finding at all
 *   ```osa fragment   statements of a programme body, validated inside a programme that states nothing else (so
 *                     only the wrapper's own missing required properties are allowed)
 *   ```osa invalid    a mistake shown on purpose: at least one `syntax` finding
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import {
    defaultLanguageReferenceData, generatedSectionIds, languageReferenceProblems, renderSection, updateLanguageReference,
    type LanguageReferenceData
} from '../src/docs/language-reference.js';
import { PROPERTIES } from '../src/model/properties.js';
import { createOsaServices } from '../src/osa-module.js';
import { LANGUAGE_REFERENCE_PATH, LANGUAGE_REFERENCE_PATHS, languageReferenceUrl, VOCABULARY_ANCHORS } from '../src/rules/docs.js';
import { LANGUAGE_CODE } from '../src/validation/language-checks.js';
import type { LanguageDiagnosticData } from '../src/validation/language-diagnostics.js';
import { VOCABULARIES } from '../src/vocabulary.js';
import { STANDARD_TEMPLATE } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE_FILE = path.join(REPO_ROOT, LANGUAGE_REFERENCE_PATH);
const page = () => fs.readFileSync(PAGE_FILE, 'utf-8');
const JA_PAGE_FILE = path.join(REPO_ROOT, LANGUAGE_REFERENCE_PATHS.ja);
const jaPage = () => fs.readFileSync(JA_PAGE_FILE, 'utf-8');
const FRAGMENT_PROGRAMME = 'DOC-FRAGMENT';

interface Example {
    line: number;
    flags: string[];
    code: string;
}

/** Every ```osa block of the page, with the words after `osa` on its opening line. */
function osaExamples(text: string): Example[] {
    const lines = text.split(/\r?\n/);
    const examples: Example[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^```osa(?:\s+(.*))?$/.exec(lines[i].trim());
        if (!open) {
            continue;
        }
        const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
        expect(end, `the block opened on line ${i + 1} is closed`).toBeGreaterThan(i);
        examples.push({ line: i + 1, flags: (open[1] ?? '').split(/\s+/).filter(Boolean), code: lines.slice(i + 1, end).join('\n') + '\n' });
        i = end;
    }
    return examples;
}

/** The raw diagnostics of `code`, validated in a workspace with the standard template. */
async function diagnosticsOf(code: string): Promise<Diagnostic[]> {
    const { shared } = createOsaServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const template = factory.fromString(STANDARD_TEMPLATE, URI.file('/workspace/templates.osa'));
    const example = factory.fromString(code, URI.file('/workspace/example.osa'));
    shared.workspace.LangiumDocuments.addDocument(template);
    shared.workspace.LangiumDocuments.addDocument(example);
    await shared.workspace.DocumentBuilder.build([template, example], { validation: true });
    return example.diagnostics ?? [];
}

/** Findings of the language itself: code `syntax`, and parse and linking errors (which carry no code). */
function languageFindings(diagnostics: Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(d => d.code === LANGUAGE_CODE || d.code === undefined);
}

function describeAll(diagnostics: Diagnostic[]): string {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code ?? '(parser)'} ${d.message}`).join('\n') || '(none)';
}

/** The default data with one change, for the tests that prove a change without documentation fails. */
function withChange(change: (data: LanguageReferenceData) => Partial<LanguageReferenceData>): LanguageReferenceData {
    const data = defaultLanguageReferenceData();
    return { ...data, ...change(data) };
}

/** Every ```osa block of the page is what its flags say: valid OSA, or a mistake that is reported. */
function examplesAreValid(text: () => string): void {
    const examples = osaExamples(text());

    it('has whole-file, fragment and mistake examples', () => {
        expect(examples.filter(e => e.flags.length === 0).length).toBeGreaterThanOrEqual(3);
        expect(examples.filter(e => e.flags.includes('fragment')).length).toBeGreaterThanOrEqual(10);
        expect(examples.filter(e => e.flags.includes('invalid')).length).toBeGreaterThanOrEqual(1);
        for (const example of examples) {
            expect(example.flags.filter(f => f !== 'fragment' && f !== 'invalid'), `line ${example.line}: unknown flags`).toEqual([]);
        }
    });

    for (const example of examples) {
        const kind = example.flags.join(' ') || 'file';
        it(`line ${example.line} (${kind}) is ${example.flags.includes('invalid') ? 'reported' : 'valid OSA'}`, async () => {
            const code = example.flags.includes('fragment') ? `programme ${FRAGMENT_PROGRAMME} {\n${example.code}}\n` : example.code;
            const findings = languageFindings(await diagnosticsOf(code)).filter(d => {
                // The wrapper of a fragment states nothing but the fragment: its own required properties are missing.
                const data = d.data as LanguageDiagnosticData | undefined;
                return !(example.flags.includes('fragment') && data?.kind === 'missing-property' && d.range.start.line === 0);
            });
            if (example.flags.includes('invalid')) {
                expect(findings.length, `a mistake example is reported:\n${example.code}`).toBeGreaterThan(0);
            } else {
                expect(findings, `language findings of the example on line ${example.line}:\n${describeAll(findings)}`).toEqual([]);
            }
        });
    }

    it('the mistake example costs exactly one finding per mistake', async () => {
        const invalid = examples.find(e => e.flags.includes('invalid') && e.code.includes('FY2025'))!;
        const findings = languageFindings(await diagnosticsOf(invalid.code));
        expect(findings.map(d => d.range.start.line + 1).sort(), describeAll(findings)).toEqual([2, 4, 6]);
    });
}

describe('the language reference (docs/language.md)', () => {
    it('is the page the other docs and the tool point at', () => {
        expect(fs.existsSync(PAGE_FILE)).toBe(true);
        expect(languageReferenceUrl()).toMatch(/^https:\/\/github\.com\/.+\/blob\/main\/docs\/language\.md$/);
        for (const linking of ['README.md', 'docs/rules/README.md']) {
            expect(fs.readFileSync(path.join(REPO_ROOT, linking), 'utf-8'), linking).toMatch(/\]\((?:\.\.\/)?(?:docs\/)?language\.md\)/);
        }
    });

    it('has a heading for every anchor the tool links to, one per vocabulary', () => {
        // GitHub's heading slugs: lower case, punctuation other than `-` dropped, spaces as `-`.
        const slugs = new Set(page().split(/\r?\n/).filter(l => /^#{1,4} /.test(l))
            .map(l => l.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-')));
        expect(Object.keys(VOCABULARY_ANCHORS).sort()).toEqual(Object.keys(VOCABULARIES).sort());
        for (const [vocabulary, anchor] of Object.entries(VOCABULARY_ANCHORS)) {
            expect(slugs.has(anchor), `${vocabulary}: #${anchor}`).toBe(true);
        }
        expect(languageReferenceUrl('activities')).toMatch(/\/docs\/language\.md#activities$/);
    });

    it('is in step with the vocabularies, the properties, the reference data, the rules and the grammar', () => {
        expect(languageReferenceProblems(page(), defaultLanguageReferenceData())).toEqual([]);
        expect(updateLanguageReference(page(), defaultLanguageReferenceData()), 'regenerating changes nothing').toBe(page().replace(/\r\n/g, '\n'));
    });

    it('has a generated table for every vocabulary and every declaration', () => {
        const ids = generatedSectionIds(defaultLanguageReferenceData());
        for (const vocabulary of Object.keys(VOCABULARIES).filter(v => v !== 'currency')) {
            expect(ids).toContain(`terms:${vocabulary}`);
        }
        for (const type of Object.keys(PROPERTIES)) {
            expect(ids).toContain(`properties:${type}`);
        }
        for (const id of ids) {
            expect(page(), id).toContain(`<!-- generated:${id} -->`);
        }
    });

    it('fails when a term is added to a vocabulary without documentation', () => {
        const data = withChange(d => ({
            vocabularies: {
                ...d.vocabularies,
                'item-category': { ...d.vocabularies['item-category'], terms: { ...d.vocabularies['item-category'].terms, 'mine-roller': { description: 'A mine roller.', conflictRelated: false } as never } }
            }
        }));
        const problems = languageReferenceProblems(page(), data);
        expect(problems.length).toBe(1);
        expect(problems[0]).toContain('terms:item-category is out of date');
        expect(problems[0]).toContain('`mine-roller`');
        // Regenerating documents the term, and then the page is in step again.
        expect(updateLanguageReference(page(), data)).toContain('| `mine-roller` | A mine roller. | no |');
        expect(languageReferenceProblems(updateLanguageReference(page(), data), data)).toEqual([]);
    });

    it('fails when a classification of a term changes', () => {
        const terms = { ...VOCABULARIES.activity.terms, 'border-surveillance': { description: 'Watching land borders.', conflictRelated: true } };
        const data = withChange(d => ({ vocabularies: { ...d.vocabularies, activity: { ...d.vocabularies.activity, terms } } }));
        expect(languageReferenceProblems(page(), data).join('\n')).toContain('| `border-surveillance` | Watching land borders. | none | yes |');
    });

    it('fails when a vocabulary is added without a section', () => {
        const data = withChange(d => ({
            vocabularies: { ...d.vocabularies, 'vessel-class': { id: 'vessel-class' as never, label: 'vessel class', terms: { 'offshore-patrol': { description: 'An offshore patrol vessel.' } } } }
        }));
        const problems = languageReferenceProblems(page(), data);
        expect(problems).toEqual([expect.stringContaining('no section documents terms:vessel-class')]);
        // Regenerating cannot write the prose around a new table: the problem remains.
        expect(languageReferenceProblems(updateLanguageReference(page(), data), data)).toEqual(problems);
    });

    it('fails when a property or a declaration is added without documentation', () => {
        const withProperty = withChange(d => ({
            properties: { ...d.properties, Item: [...d.properties.Item, { feature: 'origins', keyword: 'origin', label: 'origin', value: { type: 'text' }, repeatable: false, takes: 'a text in quotes', example: 'origin "Japan"' }] }
        }));
        expect(languageReferenceProblems(page(), withProperty)).toEqual([expect.stringContaining('properties:Item is out of date')]);
        const withDeclaration = withChange(d => ({ properties: { ...d.properties, Donor: [] } }));
        expect(languageReferenceProblems(page(), withDeclaration)).toEqual([expect.stringContaining('no section documents properties:Donor')]);
    });

    it('fails when a keyword of the grammar or a rule is not explained in the prose', () => {
        const keywords = withChange(d => ({ keywords: [...d.keywords, 'end-user'] }));
        expect(languageReferenceProblems(page(), keywords)).toEqual([expect.stringContaining('the keyword `end-user` is not explained')]);
        const rules = withChange(d => ({ rules: [...d.rules, { id: 'OSA699', name: 'new-rule', severity: 'error' }] }));
        expect(languageReferenceProblems(page(), rules)).toEqual([expect.stringContaining('OSA699')]);
        // A keyword that appears only inside a generated table does not count as explained.
        const onlyInTable = page().replace(/`quantity`/g, 'QUANTITY').replace(/<!-- generated:properties:Item -->\n[\s\S]*?<!-- \/generated -->/,
            m => m.replace('QUANTITY', '`quantity`'));
        expect(languageReferenceProblems(onlyInTable, defaultLanguageReferenceData())).toContainEqual(expect.stringContaining('the keyword `quantity` is not explained'));
    });

    it('fails when a generated section documents something the language no longer has', () => {
        const stale = page().replace('<!-- generated:currencies -->', '<!-- generated:terms:weapon-kind -->\n<!-- /generated -->\n<!-- generated:currencies -->');
        expect(languageReferenceProblems(stale, defaultLanguageReferenceData())).toEqual([expect.stringContaining('terms:weapon-kind documents something the language no longer has')]);
    });

    it('lists every ISO 4217 code and every shipped UN operation with its verify note', () => {
        const data = defaultLanguageReferenceData();
        const text = page();
        for (const { code } of data.currencies.currencies) {
            expect(text, code).toMatch(new RegExp(`\\b${code}\\b`));
        }
        for (const operation of data.peaceOperations.operations) {
            expect(text, operation.id).toContain(`| \`${operation.id}\` | ${operation.name} |`);
            if (operation.verify) {
                expect(text, `${operation.id} verify note`).toContain(operation.verify);
            }
        }
    });

    describe('examples', () => examplesAreValid(page));
});

/** GitHub's heading slugs: lower case, punctuation other than `-` dropped, spaces as `-`. */
function headingSlugs(text: string): string[] {
    return text.split(/\r?\n/).filter(l => /^#{1,4} /.test(l))
        .map(l => l.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-'));
}

/** The hand-written prose of each `##`/`###` section: without code blocks, code spans, generated tables, links' targets. */
function proseBySection(text: string): Array<{ heading: string; prose: string }> {
    const sections: Array<{ heading: string; prose: string }> = [];
    const body = text.replace(/\r\n/g, '\n').replace(/<!-- generated:[\w:-]+ -->\n[\s\S]*?<!-- \/generated -->/g, '')
        .replace(/```[\s\S]*?```/g, '');
    for (const part of body.split(/\n(?=#{2,3} )/).slice(1)) {
        const [heading, ...rest] = part.split('\n');
        sections.push({ heading, prose: rest.join('\n').replace(/`[^`\n]*`/g, '').replace(/\]\([^)]*\)/g, ']').replace(/<a id="[^"]*"><\/a>/g, '') });
    }
    return sections;
}

describe('the Japanese language reference (docs/ja/language.md)', () => {
    // How strict the prose check is for Japanese: the same checks as the English page (every keyword of the grammar
    // as `keyword` and every rule id outside the generated tables: keywords and ids are code and stay as they are in
    // Japanese text), every English section anchor kept, and every section's prose written in Japanese. Whether the
    // Japanese says the same as the English is left to review: no test can judge a translation.
    it('is the page the Japanese tool points at, linked from README and from the English page', () => {
        expect(fs.existsSync(JA_PAGE_FILE)).toBe(true);
        expect(languageReferenceUrl('activities', 'ja')).toMatch(/\/blob\/main\/docs\/ja\/language\.md#activities$/);
        expect(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf-8')).toContain('](docs/ja/language.md)');
        expect(page().split('\n').slice(0, 12).join('\n')).toContain('](ja/language.md)');
        expect(jaPage()).toContain('](../language.md)');
    });

    it('is in step with the language: generated sections current, nothing unexplained', () => {
        const data = defaultLanguageReferenceData();
        expect(languageReferenceProblems(jaPage(), data, 'ja')).toEqual([]);
        expect(updateLanguageReference(jaPage(), data, 'ja'), 'regenerating changes nothing').toBe(jaPage().replace(/\r\n/g, '\n'));
    });

    it('has every generated section the English page has, rendered with Japanese headings', () => {
        const data = defaultLanguageReferenceData();
        for (const id of generatedSectionIds(data)) {
            expect(jaPage(), id).toContain(`<!-- generated:${id} -->`);
        }
        expect(renderSection('properties:Programme', data, 'ja')).toMatch(/^\| 項目 \| 値 \| 必須 \| 繰り返し \| 例 \|/);
        expect(renderSection('terms:field', data, 'ja')).toMatch(/^\| 語 \| 意味 \| 認められる分野か（§2\(2\)） \| この語を提案する誤記 \|/);
        expect(renderSection('terms:field', data, 'ja')).toContain('| `rule-of-law` |');
        // The exception table links to the Japanese rule pages, relative to docs/ja/.
        expect(renderSection('exceptions', data, 'ja')).toContain('[OSA305](../rules/ja/OSA305.md)');
        // The English page is rendered as before.
        expect(renderSection('properties:Programme', data)).toMatch(/^\| Property \| Takes \| Required \| Repeats \| Example \|/);
    });

    it('keeps every English section anchor, right before its Japanese heading', () => {
        const lines = jaPage().split(/\r?\n/);
        const anchors = new Map<string, number>();
        lines.forEach((line, i) => {
            const match = /^<a id="([^"]+)"><\/a>$/.exec(line);
            if (match) {
                anchors.set(match[1], i);
            }
        });
        const english = headingSlugs(page());
        expect(english.length).toBeGreaterThan(30);
        for (const slug of english) {
            expect(anchors.has(slug), `#${slug}`).toBe(true);
            expect(lines[anchors.get(slug)! + 1], `the line after <a id="${slug}">`).toMatch(/^#{1,4} /);
        }
        for (const anchor of Object.values(VOCABULARY_ANCHORS)) {
            expect(anchors.has(anchor), `#${anchor}`).toBe(true);
        }
        // Every in-page link of the Japanese page lands on one of them.
        for (const [, target] of jaPage().matchAll(/\]\(#([^)]+)\)/g)) {
            expect(anchors.has(target), `link to #${target}`).toBe(true);
        }
    });

    it('links to the Japanese rule pages', () => {
        const links = [...jaPage().matchAll(/\]\(([^)#]*OSA\d{3}\.md)\)/g)].map(m => m[1]);
        expect(links.length).toBeGreaterThan(50);
        expect(links.filter(l => !/^\.\.\/rules\/ja\/OSA\d{3}\.md$/.test(l))).toEqual([]);
    });

    it('writes the prose of every section in Japanese', () => {
        const sections = proseBySection(jaPage());
        expect(sections.length).toBe(headingSlugs(page()).length - 1);
        for (const { heading, prose } of sections) {
            expect(prose, heading).toMatch(/[\p{Script=Hiragana}\p{Script=Han}]{4}/u);
        }
    });

    it('fails when a keyword or a rule is not explained, or an anchor is lost', () => {
        const data = defaultLanguageReferenceData();
        expect(languageReferenceProblems(jaPage(), { ...data, keywords: [...data.keywords, 'end-user'] }, 'ja'))
            .toEqual([expect.stringContaining('the keyword `end-user` is not explained')]);
        expect(languageReferenceProblems(jaPage().replace('<a id="activities"></a>', ''), data, 'ja'))
            .toEqual([expect.stringContaining('#activities')]);
        const terms = { ...VOCABULARIES.activity.terms, 'border-surveillance': { description: 'Watching land borders.', conflictRelated: true } };
        const changed = { ...data, vocabularies: { ...data.vocabularies, activity: { ...data.vocabularies.activity, terms } } };
        expect(languageReferenceProblems(jaPage(), changed, 'ja').join('\n')).toContain('| `border-surveillance` |');
    });

    describe('examples', () => examplesAreValid(jaPage));
});
