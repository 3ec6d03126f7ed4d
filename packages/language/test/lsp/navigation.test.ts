/**
 * Editor navigation in process, through the language server's services: outline and workspace
 * symbols, folding, go to definition, find references and rename across files (OSA has no local
 * scopes: every reference is to a top-level declaration found through the index), semantic tokens and
 * the programme status code lens.
 */
import { DocumentState, EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectSemanticToken, expectSymbols, expectWorkspaceSymbols, highlightHelper } from 'langium/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError, SemanticTokenModifiers, SemanticTokenTypes, SymbolKind, type DocumentSymbol, type Location, type LocationLink, type TextEdit } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { OsaCodeLensProvider, SHOW_PROGRAMME_FINDINGS_COMMAND, lensTitle } from '../../src/lsp/code-lens.js';
import { OsaFoldingRangeProvider } from '../../src/lsp/folding.js';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { OsaRenameProvider } from '../../src/lsp/rename.js';
import { OsaDocumentSymbolProvider, OsaFuzzyMatcher, OsaNodeKindProvider } from '../../src/lsp/symbols.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

function services() {
    return createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
}

type Services = ReturnType<typeof services>;

/** Adds files (paths below /workspace) to a fresh workspace and builds them with validation. */
async function workspace(files: Record<string, string>, built: Services = services()) {
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        documents[name] = built.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/${name}`));
        built.shared.workspace.LangiumDocuments.addDocument(documents[name]);
    }
    await built.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return { ...built, documents };
}

/** The examples folder (below /workspace/examples). */
function exampleFiles(): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf-8' })
        .filter(f => f.endsWith('.osa'))
        .map(f => [`examples/${f.split(path.sep).join('/')}`, fs.readFileSync(path.join(EXAMPLES, f), 'utf-8')]));
}

/** The position of the `occurrence`-th `text` in a document, `offset` characters into it. */
function positionOf(document: LangiumDocument, text: string, offset = 0, occurrence = 0) {
    const source = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = source.indexOf(text, index + 1);
    }
    expect(index, `"${text}" in ${document.uri.path}`).toBeGreaterThanOrEqual(0);
    return document.textDocument.positionAt(index + offset);
}

function rangeText(document: LangiumDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    return document.textDocument.getText(range);
}

const TEMPLATES = STANDARD_TEMPLATE;
const BUDGETS = `budget-envelope OSA-BUDGET-FY2023 {
    fiscal-year 2023
    amount 2_000_000_000 JPY
}

budget-envelope OSA-BUDGET-FY2024 {
    fiscal-year 2024
    amount 5_000_000_000 JPY
}
`;
const PROGRAMME_A = programme({ id: 'TEST-A', extra: 'funded-by OSA-BUDGET-FY2024' });
const PROGRAMME_B = programme({ id: 'TEST-B', amount: 'amount 300_000_000 JPY', extra: 'funded-by OSA-BUDGET-FY2024' });
const CROSS_FILE = { 'shared/templates.osa': TEMPLATES, 'shared/budgets.osa': BUDGETS, 'a.osa': PROGRAMME_A, 'b.osa': PROGRAMME_B };

describe('wiring', () => {
    it('the server uses the OSA providers and indexes references', () => {
        const { shared, Osa } = services();
        expect(Osa.lsp.DocumentSymbolProvider).toBeInstanceOf(OsaDocumentSymbolProvider);
        expect(Osa.lsp.FoldingRangeProvider).toBeInstanceOf(OsaFoldingRangeProvider);
        expect(Osa.lsp.RenameProvider).toBeInstanceOf(OsaRenameProvider);
        expect(Osa.lsp.CodeLensProvider).toBeInstanceOf(OsaCodeLensProvider);
        expect(shared.lsp.NodeKindProvider).toBeInstanceOf(OsaNodeKindProvider);
        expect(shared.lsp.FuzzyMatcher).toBeInstanceOf(OsaFuzzyMatcher);
        // The CLI switches reference indexing off; find-references and rename need it on.
        expect((shared.workspace.IndexManager as { indexReferences?: boolean }).indexReferences).toBe(true);
    });
});

describe('document symbols', () => {
    const source = `// A programme with every part
programme TEST-OUTLINE {
    title "Coastal radars"
    fiscal-year 2024
    recipient PHL
    beneficiary "Philippine Navy" kind armed-forces
    modality grant
    field rule-of-law {
        activity maritime-surveillance "Sea lanes"
        activity counter-piracy
    }
    provide "Coastal radar" quantity 5 category coastal-radar
    provide "Radar parts" category related-equipment defense-equipment purpose warning
    assessment {
        democracy on-file "Review"
        human-rights "Review"
    }
    agreement uses StandardExchangeOfNotes signed 2024-12-05
        clause prior-consent
    exception OSA305 { justification "Reviewed" }
}

agreement-template StandardExchangeOfNotes {
    title "Standard notes"
    kind exchange-of-notes
    clause information-disclosure
    clause monitoring-and-evaluation results disclosed
}

budget-envelope OSA-BUDGET-FY2024 {
    fiscal-year 2024
    amount 5_000_000_000 JPY
}
`;

    it('outlines programmes with their parts, templates with their clauses and envelopes', async () => {
        await expectSymbols(services().Osa)({
            text: source,
            disposeAfterCheck: true,
            assert: symbols => {
                const outline = (s: DocumentSymbol): unknown => ({ name: s.name, kind: s.kind, detail: s.detail, ...(s.children ? { children: s.children.map(outline) } : {}) });
                expect(symbols.map(outline)).toEqual([
                    {
                        name: 'TEST-OUTLINE', kind: SymbolKind.Module, detail: 'Coastal radars', children: [
                            {
                                name: 'rule-of-law', kind: SymbolKind.Enum, detail: '', children: [
                                    { name: 'maritime-surveillance', kind: SymbolKind.EnumMember, detail: 'Sea lanes' },
                                    { name: 'counter-piracy', kind: SymbolKind.EnumMember, detail: '' }
                                ]
                            },
                            { name: 'Coastal radar', kind: SymbolKind.Package, detail: '×5 · coastal-radar' },
                            { name: 'Radar parts', kind: SymbolKind.Package, detail: 'related-equipment · defense equipment for warning' },
                            {
                                name: 'assessment', kind: SymbolKind.Object, detail: '2 of 6 topics', children: [
                                    { name: 'democracy', kind: SymbolKind.Property, detail: 'on file: Review' },
                                    { name: 'human-rights', kind: SymbolKind.Property, detail: 'Review' }
                                ]
                            },
                            {
                                name: 'agreement', kind: SymbolKind.Object, detail: 'uses StandardExchangeOfNotes · signed 2024-12-05', children: [
                                    { name: 'prior-consent', kind: SymbolKind.Property, detail: '' }
                                ]
                            },
                            { name: 'exception OSA305', kind: SymbolKind.Event, detail: 'Reviewed' }
                        ]
                    },
                    {
                        name: 'StandardExchangeOfNotes', kind: SymbolKind.Interface, detail: 'Standard notes', children: [
                            { name: 'information-disclosure', kind: SymbolKind.Property, detail: '' },
                            { name: 'monitoring-and-evaluation', kind: SymbolKind.Property, detail: 'results disclosed' }
                        ]
                    },
                    { name: 'OSA-BUDGET-FY2024', kind: SymbolKind.Constant, detail: 'FY2024 · 5,000,000,000 JPY' }
                ]);
                // The programme spans its declaration; its name is what the editor selects.
                expect(symbols[0].range.start).toEqual({ line: 1, character: 0 });
                expect(symbols[0].range.end).toEqual({ line: 20, character: 1 });
                expect(symbols[0].selectionRange).toEqual({ start: { line: 1, character: 10 }, end: { line: 1, character: 22 } });
            }
        });
    });

    it('every symbol of every example has its selection inside its range', async () => {
        const { Osa, documents } = await workspace(exampleFiles());
        const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
            (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character))
            && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
        let count = 0;
        const check = (symbol: DocumentSymbol) => {
            count++;
            expect(symbol.name).not.toBe('');
            expect(inside(symbol.range, symbol.selectionRange), symbol.name).toBe(true);
            for (const child of symbol.children ?? []) {
                expect(inside(symbol.range, child.range), `${child.name} inside ${symbol.name}`).toBe(true);
                check(child);
            }
        };
        for (const document of Object.values(documents)) {
            const symbols = await Osa.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
            expect(symbols.length, document.uri.path).toBeGreaterThan(0);
            symbols.forEach(check);
        }
        expect(count).toBeGreaterThan(400);
    });

    it('a document with syntax errors still gets an outline of what parsed', async () => {
        await expectSymbols(services().Osa)({
            text: 'programme P {\n    title "x"\n    modality\n}\nbudget-envelope B { fiscal-year 2024 }\n',
            disposeAfterCheck: true,
            assert: symbols => expect(symbols.map(s => s.name)).toContain('P')
        });
    });
});

describe('workspace symbols', () => {
    it('lists the programmes, templates and envelopes of every file, with their kinds', async () => {
        const built = await workspace(exampleFiles());
        await expectWorkspaceSymbols(built.shared)({
            query: '',
            assert: symbols => {
                const byName = new Map(symbols.map(s => [s.name, s]));
                expect(byName.get('OSA-FY2024-PHL')?.kind).toBe(SymbolKind.Module);
                expect(byName.get('StandardExchangeOfNotes')?.kind).toBe(SymbolKind.Interface);
                expect(byName.get('OSA-BUDGET-FY2024')?.kind).toBe(SymbolKind.Constant);
                expect((byName.get('OSA-BUDGET-FY2024')!.location as Location).uri).toBe(URI.file('/workspace/examples/shared/budgets.osa').toString());
                expect(symbols.filter(s => s.kind === SymbolKind.Module).length).toBeGreaterThanOrEqual(8 + 31);
                // Only declarations: no vocabulary terms, items or clauses.
                expect(symbols.every(s => ([SymbolKind.Module, SymbolKind.Interface, SymbolKind.Constant] as SymbolKind[]).includes(s.kind))).toBe(true);
            }
        });
        await expectWorkspaceSymbols(built.shared)({
            query: 'BUDGET-FY',
            assert: symbols => expect(symbols.map(s => s.name).sort()).toEqual(['OSA-BUDGET-FY2023', 'OSA-BUDGET-FY2024', 'OSA-BUDGET-FY2025', 'OSA-BUDGET-FY2026'])
        });
        // A query matches at the start of any hyphen-separated part of a name.
        await expectWorkspaceSymbols(built.shared)({
            query: 'phl',
            assert: symbols => expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['OSA-FY2023-PHL', 'OSA-FY2024-PHL']))
        });
    });
});

describe('folding ranges', () => {
    it('folds blocks, block comments and runs of line comments', async () => {
        await expectFoldings(services().Osa)({
            text: [
                '// Header line one',                                  // 0
                '// header line two',
                '// header line three',
                'programme P {',                                       // 3
                '    title "x"  // a trailing comment does not fold',
                '    // a single comment line does not fold',
                '    field rule-of-law {',                             // 6
                '        activity maritime-surveillance',
                '    }',
                '    /* A block comment',                              // 9
                '       over three lines',
                '    */',
                '    assessment {',                                    // 12
                '        democracy "x"',
                '        human-rights "y"',
                '    }',
                '}'                                                    // 16
            ].join('\n'),
            disposeAfterCheck: true,
            assert: foldings => {
                // A block folds up to the line before its `}`, a block comment up to the line before `*/`.
                expect(foldings.map(f => [f.startLine, f.endLine, f.kind ?? 'region'])).toEqual([
                    [0, 2, 'comment'],
                    [3, 15, 'region'],
                    [6, 7, 'region'],
                    [9, 10, 'comment'],
                    [12, 14, 'region']
                ]);
            }
        });
    });

    it('folds the header comments of every example programme', async () => {
        const { Osa, documents } = await workspace(exampleFiles());
        const phl = documents['examples/programmes/OSA-FY2024-PHL.osa'];
        const foldings = await Osa.lsp.FoldingRangeProvider!.getFoldingRanges(phl, { textDocument: { uri: phl.uri.toString() } });
        expect(foldings).toContainEqual(expect.objectContaining({ startLine: 0, endLine: 9, kind: 'comment' }));
        expect(foldings).toContainEqual(expect.objectContaining({ startLine: 11 }));
    });
});

describe('go to definition', () => {
    it('from a reference to the declaration in the same file', async () => {
        await expectGoToDefinition(services().Osa)({
            text: 'programme P {\n    agreement uses <|>Notes\n    funded-by OSA-<|>BUDGET-FY2024<|>\n}\nagreement-template <|Notes|> { }\nbudget-envelope <|OSA-BUDGET-FY2024|> { }\n',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
        for (const index of [1, 2]) {
            await expectGoToDefinition(services().Osa)({
                text: 'programme P {\n    agreement uses <|>Notes\n    funded-by OSA-<|>BUDGET-FY2024<|>\n}\nagreement-template <|Notes|> { }\nbudget-envelope <|OSA-BUDGET-FY2024|> { }\n',
                index,
                rangeIndex: 1,
                disposeAfterCheck: true
            });
        }
    });

    it('from `funded-by` and `uses` to the declarations in other files, with hyphenated names', async () => {
        const { Osa, documents } = await workspace(CROSS_FILE);
        const a = documents['a.osa'];
        // At the start of the name, on a hyphen and at its end.
        for (const offset of [0, 3, 'OSA-BUDGET-FY2024'.length]) {
            const links = await Osa.lsp.DefinitionProvider!.getDefinition(a, { textDocument: { uri: a.uri.toString() }, position: positionOf(a, 'OSA-BUDGET-FY2024', offset) }) as LocationLink[];
            expect(links).toHaveLength(1);
            expect(links[0].targetUri).toBe(documents['shared/budgets.osa'].uri.toString());
            expect(rangeText(documents['shared/budgets.osa'], links[0].targetSelectionRange)).toBe('OSA-BUDGET-FY2024');
            expect(rangeText(a, links[0].originSelectionRange!)).toBe('OSA-BUDGET-FY2024');
        }
        const links = await Osa.lsp.DefinitionProvider!.getDefinition(a, { textDocument: { uri: a.uri.toString() }, position: positionOf(a, 'StandardExchangeOfNotes', 4) }) as LocationLink[];
        expect(links[0].targetUri).toBe(documents['shared/templates.osa'].uri.toString());
        expect(rangeText(documents['shared/templates.osa'], links[0].targetSelectionRange)).toBe('StandardExchangeOfNotes');
    });
});

describe('find references', () => {
    it('in one file, from the declaration or a reference', async () => {
        const text = 'programme P { agreement uses <|Notes|> }\nprogramme Q { agreement uses <|No<|>tes|> }\nagreement-template <|No<|>tes|> { }\n';
        await expectFindReferences(services().Osa)({ text, includeDeclaration: true, disposeAfterCheck: true });
    });

    it('across files, for a template and a hyphenated envelope', async () => {
        const { Osa, documents } = await workspace(CROSS_FILE);
        const templates = documents['shared/templates.osa'];
        const find = async (document: LangiumDocument, position: ReturnType<typeof positionOf>, includeDeclaration: boolean) =>
            (await Osa.lsp.ReferencesProvider!.findReferences(document, { textDocument: { uri: document.uri.toString() }, position, context: { includeDeclaration } }))
                .map(l => `${l.uri.split('/').pop()} ${rangeText(Object.values(documents).find(d => d.uri.toString() === l.uri)!, l.range)}`).sort();
        expect(await find(templates, positionOf(templates, 'StandardExchangeOfNotes', 2), true))
            .toEqual(['a.osa StandardExchangeOfNotes', 'b.osa StandardExchangeOfNotes', 'templates.osa StandardExchangeOfNotes']);
        expect(await find(templates, positionOf(templates, 'StandardExchangeOfNotes', 2), false))
            .toEqual(['a.osa StandardExchangeOfNotes', 'b.osa StandardExchangeOfNotes']);
        const a = documents['a.osa'];
        expect(await find(a, positionOf(a, 'OSA-BUDGET-FY2024', 4), true))
            .toEqual(['a.osa OSA-BUDGET-FY2024', 'b.osa OSA-BUDGET-FY2024', 'budgets.osa OSA-BUDGET-FY2024']);
    });

    it('on the examples: every programme using the standard template', async () => {
        const { Osa, documents } = await workspace(exampleFiles());
        const templates = documents['examples/shared/templates.osa'];
        const references = await Osa.lsp.ReferencesProvider!.findReferences(templates, {
            textDocument: { uri: templates.uri.toString() }, position: positionOf(templates, 'StandardExchangeOfNotes'), context: { includeDeclaration: false }
        });
        const files = new Set(references.map(r => r.uri));
        expect([...files].filter(uri => uri.includes('/programmes/')).length).toBe(9);
        expect(references.length).toBeGreaterThanOrEqual(30);
    });
});

describe('rename', () => {
    async function renameEdits(built: Awaited<ReturnType<typeof workspace>>, file: string, text: string, offset: number, newName: string) {
        const document = built.documents[file];
        return built.Osa.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, text, offset), newName });
    }

    function apply(text: string, edits: TextEdit[]): string {
        return TextDocument.applyEdits(TextDocument.create('file:///x', 'osa', 1, text), edits);
    }

    it('renames a template in its declaration and every reference, and the result links', async () => {
        const built = await workspace(CROSS_FILE);
        const edit = await renameEdits(built, 'a.osa', 'StandardExchangeOfNotes', 3, 'BilateralNotes');
        const changes = edit!.changes!;
        expect(Object.keys(changes).map(uri => uri.split('/').pop()).sort()).toEqual(['a.osa', 'b.osa', 'templates.osa']);
        const renamed: Record<string, string> = {};
        for (const [name, document] of Object.entries(built.documents)) {
            renamed[name] = apply(document.textDocument.getText(), changes[document.uri.toString()] ?? []);
        }
        expect(renamed['shared/templates.osa']).toContain('agreement-template BilateralNotes {');
        expect(renamed['a.osa']).toContain('agreement uses BilateralNotes signed');
        expect(renamed['a.osa']).not.toContain('StandardExchangeOfNotes');
        const after = await workspace(renamed);
        for (const document of Object.values(after.documents)) {
            expect(document.diagnostics, document.uri.path).toEqual([]);
        }
    });

    it('renames a hyphenated envelope from its declaration', async () => {
        const built = await workspace(CROSS_FILE);
        const edit = await renameEdits(built, 'shared/budgets.osa', 'OSA-BUDGET-FY2024', 5, 'OSA-BUDGET-FY2024-REVISED');
        const changes = edit!.changes!;
        const edited = Object.entries(changes).flatMap(([uri, edits]) => edits.map(e => `${uri.split('/').pop()} ${rangeText(Object.values(built.documents).find(d => d.uri.toString() === uri)!, e.range)} -> ${e.newText}`)).sort();
        expect(edited).toEqual([
            'a.osa OSA-BUDGET-FY2024 -> OSA-BUDGET-FY2024-REVISED',
            'b.osa OSA-BUDGET-FY2024 -> OSA-BUDGET-FY2024-REVISED',
            'budgets.osa OSA-BUDGET-FY2024 -> OSA-BUDGET-FY2024-REVISED'
        ]);
    });

    it('renames a programme id', async () => {
        const built = await workspace(CROSS_FILE);
        const edit = await renameEdits(built, 'a.osa', 'TEST-A', 0, 'TEST-A2');
        expect(Object.values(edit!.changes!).flat().map(e => e.newText)).toEqual(['TEST-A2']);
    });

    it('prepareRename offers programme ids, templates and envelopes, and nothing else', async () => {
        const built = await workspace(CROSS_FILE);
        const a = built.documents['a.osa'];
        const prepare = (text: string, offset = 1) => built.Osa.lsp.RenameProvider!.prepareRename(a, { textDocument: { uri: a.uri.toString() }, position: positionOf(a, text, offset) });
        for (const name of ['TEST-A', 'StandardExchangeOfNotes', 'OSA-BUDGET-FY2024']) {
            const range = await prepare(name);
            expect(range && rangeText(a, range)).toBe(name);
        }
        // Vocabulary terms, quoted names, keywords, country codes and numbers are not renamable.
        for (const text of ['rule-of-law', 'maritime-surveillance', '"Coastal surveillance radar"', 'programme', 'PHL', '600_000_000', 'JPY']) {
            expect(await prepare(text), text).toBeUndefined();
        }
    });

    it('refuses new names that are not identifiers, are keywords or name another declaration', async () => {
        const built = await workspace(CROSS_FILE);
        const refused = async (newName: string, file = 'a.osa', text = 'OSA-BUDGET-FY2024') => {
            const error = await renameEdits(built, file, text, 1, newName).then(() => undefined, (e: unknown) => e);
            expect(error, newName).toBeInstanceOf(ResponseError);
            return (error as ResponseError<unknown>).message;
        };
        expect(await refused('2024-BUDGET')).toMatch(/not a valid budget envelope name/);
        expect(await refused('OSA BUDGET')).toMatch(/not a valid/);
        expect(await refused('')).toMatch(/not a valid/);
        expect(await refused('"x"')).toMatch(/not a valid/);
        expect(await refused('programme')).toMatch(/keyword/);
        expect(await refused('provide')).toMatch(/keyword/);
        expect(await refused('fiscal-year')).toMatch(/keyword/);
        expect(await refused('OSA-BUDGET-FY2023')).toMatch(/^A budget envelope named OSA-BUDGET-FY2023 already exists \(budgets\.osa\)/);
        expect(await refused('TEST-B', 'a.osa', 'TEST-A')).toMatch(/^A programme named TEST-B already exists/);
        expect(await refused('clause', 'a.osa', 'StandardExchangeOfNotes')).toBe('"clause" is a keyword of the OSA language and cannot name an agreement template.');
        // References are typed: an envelope may share a template's name.
        expect(await renameEdits(built, 'a.osa', 'OSA-BUDGET-FY2024', 1, 'StandardExchangeOfNotes')).toBeDefined();
        // Names that merely start with a keyword are identifiers.
        expect(await renameEdits(built, 'a.osa', 'StandardExchangeOfNotes', 1, 'grant-notes')).toBeDefined();
    });
});

describe('semantic tokens', () => {
    it('colours names, references, country codes, rule ids, vocabulary, dates and numbers', async () => {
        const tokens = await highlightHelper(services().Osa)(`programme <|P-1|> {
    title "not a token"
    fiscal-year <|2024|>
    recipient <|PHL|>
    beneficiary "Navy" kind <|armed-forces|>
    modality <|grant|>
    amount <|1_000|> <|JPY|>
    funded-by <|B-1|>
    period <|2024-04-01|> to <|2025-03-31|>
    field <|rule-of-law|> { activity <|maritime-surveillance|> }
    provide "Radar" quantity <|2|> category <|coastal-radar|> defense-equipment purpose <|warning|>
    assessment { <|democracy|> on-file "x" dated <|2024-10-01|> }
    agreement uses <|T|> signed <|2024-12-05|>
        clause <|prior-consent|>
    coordination <|NSS|>, <|transfer-scheme|>
    exception <|OSA305|> { justification "why" dated <|2024-11-01|> } // a comment
}
agreement-template <|T|> { kind <|exchange-of-notes|> clause <|monitoring-and-evaluation|> results <|disclosed|> }
budget-envelope <|B-1|> { fiscal-year <|2024|> }
`);
        const expected: SemanticTokenTypes[] = [
            SemanticTokenTypes.class, SemanticTokenTypes.number, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.enumMember, SemanticTokenTypes.number, SemanticTokenTypes.type, SemanticTokenTypes.variable,
            SemanticTokenTypes.number, SemanticTokenTypes.number, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.number, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.number, SemanticTokenTypes.class, SemanticTokenTypes.number, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember, SemanticTokenTypes.macro, SemanticTokenTypes.number,
            SemanticTokenTypes.class, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.variable, SemanticTokenTypes.number
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
        // Strings and comments are left to the TextMate grammar; structural keywords too.
        expect(tokens.tokens.some(t => t.text.startsWith('"') || t.text.startsWith('//'))).toBe(false);
        expect(tokens.tokens.some(t => ['programme', 'title', 'provide', 'agreement', 'uses'].includes(t.text))).toBe(false);
        expect(tokens.tokens).toHaveLength(expected.length);
    });

    it('colours a value by the property it stands in, and leaves unknown terms plain', async () => {
        const { Osa } = services();
        const tokens = await highlightHelper(Osa)(`programme P {
    provide "Course" category training purpose trainning
    field peace-cooperation { activity peacekeeping-training operation UNMISS }
    modality granted
}
`);
        const typeOf = (text: string) => tokens.tokens.find(t => t.text === text)?.tokenType;
        expect(typeOf('training')).toBe(SemanticTokenTypes.enumMember);
        expect(typeOf('UNMISS')).toBe(SemanticTokenTypes.enumMember);
        expect(typeOf('trainning')).toBeUndefined();
        expect(typeOf('granted')).toBeUndefined();
    });

    it('marks declarations, not references, with the declaration modifier', async () => {
        const { Osa } = services();
        const tokens = await highlightHelper(Osa)('programme P { agreement uses T funded-by B recipient PHL }\nagreement-template T { }\nbudget-envelope B { }\n');
        const modifiers = Osa.lsp.SemanticTokenProvider!.tokenModifiers;
        const has = (text: string, index: number, modifier: string) => (tokens.tokens.filter(t => t.text === text)[index].tokenModifiers & modifiers[modifier]) !== 0;
        expect(has('P', 0, SemanticTokenModifiers.declaration)).toBe(true);
        expect(has('T', 0, SemanticTokenModifiers.declaration)).toBe(false);
        expect(has('T', 1, SemanticTokenModifiers.declaration)).toBe(true);
        expect(has('B', 0, SemanticTokenModifiers.declaration)).toBe(false);
        expect(has('B', 1, SemanticTokenModifiers.declaration)).toBe(true);
        expect(has('B', 0, SemanticTokenModifiers.readonly)).toBe(true);
        expect(has('PHL', 0, SemanticTokenModifiers.defaultLibrary)).toBe(true);
    });
});

describe('code lens', () => {
    async function lenses(files: Record<string, string>, file = 'programme.osa') {
        const built = await workspace({ 'templates.osa': STANDARD_TEMPLATE, ...files });
        const document = built.documents[file];
        const result = await built.Osa.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        return { lenses: result ?? [], document };
    }

    it('a compliant programme: complies with all the rules', async () => {
        const { lenses: result, document } = await lenses({ 'programme.osa': programme() });
        expect(result).toHaveLength(1);
        expect(result[0].command).toEqual({
            title: `✓ complies with all ${ALL_RULES.length} rules`,
            command: SHOW_PROGRAMME_FINDINGS_COMMAND,
            arguments: [document.uri.toString(), 'TEST-2024-001']
        });
        expect(result[0].range.start).toEqual({ line: 0, character: 0 });
    });

    it('counts the findings by severity', async () => {
        const source = programme({
            modality: 'modality loan',
            items: 'provide "Coastal patrol boat" quantity 2 category patrol-boat armed-after-delivery',
            coordination: 'coordination NSS, MOFA, MOD'
        });
        const { lenses: result, document } = await lenses({ 'programme.osa': source });
        const severities = (document.diagnostics ?? []).map(d => d.severity);
        expect(severities.sort()).toEqual([1, 2, 3]);
        expect(result[0].command!.title).toBe('1 error · 1 warning · 1 info');
    });

    it('counts only the findings inside each programme', async () => {
        const source = `${programme({ id: 'FIRST' })}\n${programme({ id: 'SECOND', modality: 'modality loan', fields: null })}`;
        const { lenses: result } = await lenses({ 'programme.osa': source });
        expect(result.map(l => [l.command!.arguments![1], l.command!.title])).toEqual([
            ['FIRST', `✓ complies with all ${ALL_RULES.length} rules`],
            ['SECOND', '2 errors']
        ]);
        expect(result[1].range.start.line).toBeGreaterThan(10);
    });

    it('counts the language\'s own errors too, and ignores templates and envelopes', async () => {
        const { lenses: result } = await lenses({ 'programme.osa': `${programme({ agreement: 'agreement uses NoSuchTemplate' })}\nbudget-envelope B { fiscal-year 2024 amount 1 JPY }\n` });
        expect(result).toHaveLength(1);
        expect(result[0].command!.title).toMatch(/^\d+ errors?/);
    });

    it('waits for the validation of a document that is not validated yet', async () => {
        const built = services();
        const document = built.shared.workspace.LangiumDocumentFactory.fromString(programme({ modality: 'modality loan' }), URI.file('/workspace/late.osa'));
        const template = built.shared.workspace.LangiumDocumentFactory.fromString(STANDARD_TEMPLATE, URI.file('/workspace/templates.osa'));
        built.shared.workspace.LangiumDocuments.addDocument(template);
        built.shared.workspace.LangiumDocuments.addDocument(document);
        await built.shared.workspace.DocumentBuilder.build([template, document], { validation: false });
        expect(document.state).toBeLessThan(DocumentState.Validated);
        const pending = built.Osa.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        await built.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const result = await pending;
        expect(result![0].command!.title).toBe('1 error');
    });

    it('titles', () => {
        const all = `✓ complies with all ${ALL_RULES.length} rules`;
        expect(lensTitle([])).toBe(all);
        expect(lensTitle([{ severity: 3 }])).toBe(`${all} · 1 info`);
        expect(lensTitle([{ severity: 3 }, { severity: 3 }])).toBe(`${all} · 2 infos`);
        expect(lensTitle([{ severity: 1 }, { severity: 1 }, { severity: 2 }])).toBe('2 errors · 1 warning');
        expect(lensTitle([{ severity: 2 }, { severity: 2 }, { severity: 4 }])).toBe('2 warnings');
    });
});
