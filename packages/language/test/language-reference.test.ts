/**
 * The language reference, docs/language.md, stays in step with the language: its generated tables are what the
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
    defaultLanguageReferenceData, generatedSectionIds, languageReferenceProblems, updateLanguageReference,
    type LanguageReferenceData
} from '../src/docs/language-reference.js';
import { PROPERTIES } from '../src/model/properties.js';
import { createOsaServices } from '../src/osa-module.js';
import { LANGUAGE_REFERENCE_PATH, languageReferenceUrl, VOCABULARY_ANCHORS } from '../src/rules/docs.js';
import { LANGUAGE_CODE } from '../src/validation/language-checks.js';
import type { LanguageDiagnosticData } from '../src/validation/language-diagnostics.js';
import { VOCABULARIES } from '../src/vocabulary.js';
import { STANDARD_TEMPLATE } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE_FILE = path.join(REPO_ROOT, LANGUAGE_REFERENCE_PATH);
const page = () => fs.readFileSync(PAGE_FILE, 'utf-8');
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

    describe('examples', () => {
        const examples = osaExamples(page());

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
    });
});
