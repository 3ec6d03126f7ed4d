/** Completion, in process: countries, rule ids, vocabulary with descriptions, references, the compliant skeleton. */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { CompletionItemKind, type CompletionItem, type CompletionList, type MarkupContent, type TextEdit } from 'vscode-languageserver';
import { expandSnippet, SKELETON_LABEL } from '../../src/lsp/completion-snippet.js';
import { createOsaLspServices, type OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { DEFAULT_REFERENCE_DATA } from '../../src/reference/default-data.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { AGREEMENT_KINDS, ASSESSMENT_TOPICS, BENEFICIARY_KINDS, COORDINATION_BODIES, ITEM_CATEGORIES } from '../../src/vocabulary.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

let services: OsaLspServices;
let fileCount = 0;

beforeEach(() => {
    services = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }).Osa;
});

async function addFile(name: string, text: string, osa: OsaLspServices = services): Promise<LangiumDocument> {
    return parseHelper(osa)(text, { documentUri: URI.file(`/workspace/${name}`).toString(), validation: true });
}

/** The completion list at the `<|>` of `text`, in a new file of the workspace. */
async function completeAt(text: string): Promise<{ list: CompletionList; document: LangiumDocument }> {
    const offset = text.indexOf('<|>');
    const document = await addFile(`completion-${++fileCount}.osa`, text.replace('<|>', ''));
    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return { list: list!, document };
}

function item(list: CompletionList, label: string): CompletionItem {
    const found = list.items.find(i => i.label === label);
    expect(found, `completion item ${label} in ${list.items.map(i => i.label).join(', ')}`).toBeDefined();
    return found!;
}

function docText(item: CompletionItem): string {
    return typeof item.documentation === 'string' ? item.documentation : (item.documentation as MarkupContent | undefined)?.value ?? '';
}

function bySortText(list: CompletionList): CompletionItem[] {
    return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

describe('completion after `recipient`', () => {
    it('offers every country: alpha-3 label, name as detail, name in filterText, DAC-listed first', async () => {
        const { list } = await completeAt(programme({ recipient: 'recipient <|>' }));
        expect(list.items).toHaveLength(DEFAULT_REFERENCE_DATA.countries.countries.length);
        const phl = item(list, 'PHL');
        expect(phl.detail).toBe('Philippines');
        expect(phl.filterText).toContain('Philippines');
        expect(phl.labelDetails?.description).toBe('DAC LMIC');
        expect(docText(phl)).toContain('On the DAC List of ODA Recipients (2024-2025 edition) on 1 April 2024 as LMIC');
        const sorted = bySortText(list).map(i => i.label);
        // Listed and clear, then listed but flagged (embargo, in combat), then not listed.
        expect(sorted.indexOf('PHL')).toBeLessThan(sorted.indexOf('PRK'));
        expect(sorted.indexOf('PRK')).toBeLessThan(sorted.indexOf('SGP'));
        expect(sorted.indexOf('UKR')).toBeLessThan(sorted.indexOf('JPN'));
        const listed = new Set(DEFAULT_REFERENCE_DATA.dacList.editions[0].recipients.map(r => r.iso3));
        const firstUnlisted = sorted.findIndex(code => !listed.has(code));
        expect(sorted.slice(firstUnlisted).every(code => !listed.has(code))).toBe(true);
        expect(item(list, 'PRK').labelDetails?.description).toContain('UN arms embargo');
    });

    it('finds a country by its name ("Phil" finds PHL) and replaces what was typed', async () => {
        const { list, document } = await completeAt(programme({ recipient: 'recipient Phil<|>' }));
        const phl = item(list, 'PHL');
        expect(list.items.map(i => i.label)).not.toContain('IDN');
        const edit = phl.textEdit as TextEdit;
        expect(document.textDocument.getText(edit.range)).toBe('Phil');
        expect(edit.newText).toBe('PHL');
        const { list: korea } = await completeAt(programme({ recipient: 'recipient Korea<|>' }));
        expect(korea.items.map(i => i.label).sort()).toEqual(['KOR', 'PRK']);
    });

    it('also works through Langium\'s expectCompletion', async () => {
        await expectCompletion(services)({
            text: programme({ recipient: 'recipient Indo<|>' }),
            index: 0,
            expectedItems: ['IDN'],
            disposeAfterCheck: true
        });
    });

    it('ranks for the programme\'s fiscal year', async () => {
        // No DAC edition covers 2030; the nearest stands in, so PHL is still listed.
        const { list } = await completeAt(programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient UK<|>' }));
        expect(item(list, 'UKR').labelDetails?.description).toBe('DAC LMIC · in combat');
        expect(docText(item(list, 'UKR'))).toContain('FY2025: in combat (OSA303)');
    });
});

describe('completion after `exception`', () => {
    it('offers the rules that take an exception first, then the others', async () => {
        const { list } = await completeAt(programme({ extra: 'exception <|>' }));
        expect(list.items).toHaveLength(ALL_RULES.length);
        const sorted = bySortText(list).map(i => i.label);
        const takesException = ALL_RULES.filter(r => r.exceptionSeverity || r.partialExceptionSeverity).map(r => r.id);
        expect(sorted.slice(0, takesException.length)).toEqual(takesException);
        expect(takesException).toEqual(expect.arrayContaining(['OSA101', 'OSA104', 'OSA301', 'OSA303', 'OSA305']));
        expect(item(list, 'OSA301').labelDetails?.description).toBe('exception: some findings reported as info');
        const osa101 = item(list, 'OSA101');
        expect(osa101.detail).toBe('recipient-not-developing-country · §2(1)');
        expect(docText(osa101)).toContain('reported as a warning');
        expect(docText(osa101)).toContain('docs/rules/OSA101.md');
    });

    it('narrows to what was typed', async () => {
        const { list } = await completeAt(programme({ extra: 'exception OSA30<|>' }));
        expect(list.items.map(i => i.label).sort()).toEqual(['OSA301', 'OSA302', 'OSA303', 'OSA304', 'OSA305']);
    });
});

describe('keyword completion', () => {
    it('keeps Langium\'s keywords and gives vocabulary terms their description and clause', async () => {
        const { list } = await completeAt(programme({ fields: 'field <|>' }));
        const ruleOfLaw = item(list, 'rule-of-law');
        expect(ruleOfLaw.detail).toBe('field · §2(2)(a)');
        expect(docText(ruleOfLaw)).toContain('Peace, stability and security based on the rule of law');
        const combat = item(list, 'combat-operations');
        expect(combat.detail).toBe('field · not permitted, OSA202');
        expect(combat.sortText! > ruleOfLaw.sortText!).toBe(true);
        expect(list.items).toHaveLength(8);
    });

    it('documents item categories, with the conflict-related ones last', async () => {
        const { list } = await completeAt(programme({ items: 'provide "Thing" category <|>' }));
        expect(docText(item(list, 'weapon'))).toContain('relates directly to international conflict (§2(2)); OSA203');
        expect(item(list, 'weapon').detail).toBe('item category · conflict-related, OSA203');
        expect(item(list, 'coastal-radar').detail).toBe('item category · serves rule-of-law');
        expect(docText(item(list, 'coastal-radar'))).toContain('serves `rule-of-law` (§2(2)(a)) unless it says otherwise with `serves`');
        expect(item(list, 'support-vessel').detail).toBe('item category · serves the programme\'s only field');
        expect(item(list, 'clothing-and-personal-equipment').detail).toBe('item category · no default field');
        expect(item(list, 'training').detail).toBe('item category · serves what the main items serve');
    });

    it('documents clause names in an agreement', async () => {
        const { list } = await completeAt(programme({ agreement: 'agreement clause <|>' }));
        expect(item(list, 'no-third-party-transfer').detail).toBe('agreement clause · §3(3)(c)');
        expect(docText(item(list, 'no-third-party-transfer'))).toContain('OSA406');
    });

    it('documents the main keywords inside a programme', async () => {
        const { list } = await completeAt(programme().replace('    title', '    <|>\n    title'));
        expect(item(list, 'recipient').detail).toBe('keyword · §2(1)');
        expect(docText(item(list, 'assessment'))).toContain('§3(2)');
        expect(item(list, 'funded-by')).toBeDefined();
        expect(list.items.map(i => i.label)).not.toContain(SKELETON_LABEL);
    });

    it('tells an envelope\'s `amount` from a programme\'s', async () => {
        const { list } = await completeAt('budget-envelope B {\n    fiscal-year 2024\n    <|>\n}');
        expect(docText(item(list, 'amount'))).toContain('appropriated for the fiscal year');
        const inProgramme = await completeAt(programme({ amount: '<|>' }));
        expect(docText(item(inProgramme.list, 'amount'))).toContain('The amount of the grant');
    });
});

describe('term completion by position', () => {
    it('offers exactly the item categories after `category`, with what was typed replaced', async () => {
        const { list, document } = await completeAt(programme({ items: 'provide "Boat" quantity 2 category pat<|>' }));
        expect(list.items.map(i => i.label).sort()).toEqual(Object.keys(ITEM_CATEGORIES).sort());
        const boat = item(list, 'patrol-boat');
        expect(boat.kind).toBe(CompletionItemKind.EnumMember);
        const edit = boat.textEdit as TextEdit;
        expect(document.textDocument.getText(edit.range)).toBe('pat');
        expect(bySortText(list).slice(0, 3).every(i => !ITEM_CATEGORIES[i.label as keyof typeof ITEM_CATEGORIES].conflictRelated)).toBe(true);
        expect(bySortText(list).at(-1)!.detail).toContain('conflict-related');
    });

    it('tells a beneficiary\'s `kind` from an agreement\'s', async () => {
        const { list: beneficiary } = await completeAt(programme({ beneficiary: 'beneficiary "Navy" kind <|>' }));
        expect(beneficiary.items.map(i => i.label).sort()).toEqual(Object.keys(BENEFICIARY_KINDS).sort());
        const { list: agreement } = await completeAt(programme({ agreement: 'agreement uses StandardExchangeOfNotes kind <|>' }));
        expect(agreement.items.map(i => i.label).sort()).toEqual(Object.keys(AGREEMENT_KINDS).sort());
    });

    it('offers assessment topics at the start of a topic, currencies after an amount and bodies after a comma', async () => {
        const topics = await completeAt(programme().replace('        democracy', '        <|>\n        democracy'));
        expect(topics.list.items.map(i => i.label)).toEqual(expect.arrayContaining(Object.keys(ASSESSMENT_TOPICS)));
        const currency = await completeAt(programme({ amount: 'amount 1_000 JP<|>' }));
        expect(item(currency.list, 'JPY').detail).toBe('currency · ISO 4217');
        const bodies = await completeAt(programme({ coordination: 'coordination NSS, <|>' }));
        expect(item(bodies.list, 'MOFA').detail).toBe('coordination body · §4(1)');
        expect(bodies.list.items).toHaveLength(Object.keys(COORDINATION_BODIES).length);
    });

    it('offers the UN peace operations after `operation`, those running during the programme first', async () => {
        const { list } = await completeAt(programme({
            fiscalYear: 'fiscal-year 2024',
            fields: 'field peace-cooperation { activity peacekeeping-training operation <|> }'
        }));
        expect(list.items.map(i => i.label).sort()).toEqual(DEFAULT_REFERENCE_DATA.peaceOperations.operations.map(o => o.id).sort());
        const unmiss = item(list, 'UNMISS');
        expect(unmiss.detail).toBe('United Nations Mission in the Republic of South Sudan');
        expect(unmiss.labelDetails?.description).toBe('South Sudan · running');
        expect(docText(unmiss)).toContain('S/RES/1996 (2011)');
        const sorted = bySortText(list).map(i => i.label);
        // MINUSMA ended in 2023, before FY2024: after every running operation.
        expect(sorted.indexOf('UNMISS')).toBeLessThan(sorted.indexOf('MINUSMA'));
        expect(sorted.indexOf('UNAMI')).toBeLessThan(sorted.indexOf('UNAMID'));
    });

    it('offers nothing at a value that takes free text or a number', async () => {
        expect((await completeAt(programme({ title: 'title <|>' }))).list.items).toEqual([]);
        expect((await completeAt(programme({ fiscalYear: 'fiscal-year <|>' }))).list.items).toEqual([]);
    });
});

describe('reference completion', () => {
    it('offers the agreement templates of the workspace after `agreement uses`', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        await addFile('other.osa', 'agreement-template Thin { clause information-disclosure }');
        const { list } = await completeAt(programme({ agreement: 'agreement uses <|>' }));
        const standard = item(list, 'StandardExchangeOfNotes');
        expect(standard.detail).toBe('agreement template · 5 clauses, all §3(3) clauses');
        expect(docText(standard)).toContain('It has every clause §3(3)(a)–(d) requires.');
        expect(bySortText(list)[0].label).toBe('StandardExchangeOfNotes');
        expect(item(list, 'Thin')).toBeDefined();
    });

    it('offers the budget envelopes after `funded-by`, the programme\'s fiscal year first', async () => {
        await addFile('budgets.osa', [
            'budget-envelope ENV-2023 { fiscal-year 2023 amount 2_000_000_000 JPY }',
            'budget-envelope ENV-2024 { fiscal-year 2024 amount 5_000_000_000 JPY }'
        ].join('\n'));
        const { list } = await completeAt(programme({ extra: 'funded-by <|>' }));
        expect(list.items.map(i => i.label).sort()).toEqual(['ENV-2023', 'ENV-2024']);
        expect(bySortText(list)[0].label).toBe('ENV-2024');
        expect(item(list, 'ENV-2024').detail).toBe('budget envelope FY2024 · 5,000,000,000 JPY');
    });
});

describe('the compliant skeleton snippet', () => {
    async function skeleton(text: string): Promise<CompletionItem> {
        const { list } = await completeAt(text);
        const snippet = item(list, SKELETON_LABEL);
        expect(snippet.insertTextFormat).toBe(2);
        return snippet;
    }

    /** Validates the snippet's expansion with its defaults as a new file of the workspace. */
    async function validateExpansion(snippet: CompletionItem) {
        const document = await addFile(`expanded-${++fileCount}.osa`, expandSnippet((snippet.textEdit as TextEdit).newText));
        return document.diagnostics ?? [];
    }

    it('is offered at the top level, in an empty file and between elements, next to the keywords', async () => {
        const empty = await completeAt('<|>');
        expect(item(empty.list, SKELETON_LABEL)).toBeDefined();
        expect(item(empty.list, 'programme')).toBeDefined();
        expect(item(empty.list, 'budget-envelope')).toBeDefined();
        const between = await completeAt(`${STANDARD_TEMPLATE}\n<|>\n${programme({ id: 'OTHER' })}`);
        expect(item(between.list, SKELETON_LABEL)).toBeDefined();
        const typed = await completeAt('prog<|>');
        expect(item(typed.list, SKELETON_LABEL)).toBeDefined();
        expect((item(typed.list, SKELETON_LABEL).textEdit as TextEdit).range.start.character).toBe(0);
    });

    it('validates with 0 errors and no warnings when the placeholders keep their defaults and StandardExchangeOfNotes exists', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        const snippet = await skeleton('<|>');
        const text = (snippet.textEdit as TextEdit).newText;
        expect(text).toContain('agreement uses ${17:StandardExchangeOfNotes}');
        expect(text).toMatch(/\$\{\d+[:|]/);
        const diagnostics = await validateExpansion(snippet);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        expect(diagnostics.filter(d => d.severity === 2).map(d => d.message)).toEqual([]);
        // Only the reminder to name another cooperation framework, if anything.
        expect(diagnostics.map(d => d.code).filter(c => c !== 'OSA502')).toEqual([]);
    });

    it('writes the §3(3) clauses inline when no suitable template exists, still with 0 errors', async () => {
        const snippet = await skeleton('<|>');
        expect((snippet.textEdit as TextEdit).newText).toContain('clause un-charter-conformity');
        const diagnostics = await validateExpansion(snippet);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });

    it('picks a programme id not yet used in the workspace', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        const first = expandSnippet((( await skeleton('<|>')).textEdit as TextEdit).newText);
        const id = /^programme (\S+) \{/.exec(first)![1];
        expect(id).toMatch(/^OSA-FY\d{4}-PHL$/);
        await addFile('existing.osa', first);
        const second = expandSnippet(((await skeleton('<|>')).textEdit as TextEdit).newText);
        expect(/^programme (\S+) \{/.exec(second)![1]).toBe(`${id}-2`);
        const diagnostics = await validateExpansion(await skeleton('<|>'));
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });
});

describe('completion of the lifecycle', () => {
    it('after `status`: the five stages once each, in lifecycle order, with their meaning', async () => {
        const { list } = await completeAt(programme({ extra: 'status <|>' }));
        const labels = list.items.map(i => i.label);
        for (const stage of ['planned', 'decided', 'signed', 'delivered', 'completed']) {
            expect(labels.filter(l => l === stage), stage).toHaveLength(1);
        }
        expect(labels.filter(l => !['planned', 'decided', 'signed', 'delivered', 'completed'].includes(l))).toEqual([]);
        expect(bySortText(list).map(i => i.label)).toEqual(['planned', 'decided', 'signed', 'delivered', 'completed']);
        expect(docText(item(list, 'signed'))).toContain('OSA409');
    });

    it('the new keywords are offered in a programme and in a monitoring block', async () => {
        const { list } = await completeAt(programme({ extra: '<|>' }));
        const labels = list.items.map(i => i.label);
        for (const keyword of ['status', 'decided', 'delivered', 'continues', 'monitoring', 'source', 'funding']) {
            expect(labels, keyword).toContain(keyword);
        }
        const { list: inside } = await completeAt(programme({ extra: 'monitoring {\n        <|>\n    }' }));
        expect(inside.items.map(i => i.label)).toEqual(expect.arrayContaining(['visit', 'results']));
    });

    it('after `results` in a monitoring block: disclosed and withheld', async () => {
        const { list } = await completeAt(programme({ extra: 'monitoring {\n        visit 2025-01-01 "x"\n        results <|>\n    }' }));
        expect(list.items.map(i => i.label).sort()).toEqual(['disclosed', 'withheld']);
    });

    it('after `continues`: the programmes of the workspace', async () => {
        await addFile('earlier.osa', programme({ id: 'PHL-2023-001' }));
        const { list } = await completeAt(programme({ id: 'PHL-2024-001', extra: 'continues <|>' }));
        expect(list.items.map(i => i.label)).toContain('PHL-2023-001');
    });
});
