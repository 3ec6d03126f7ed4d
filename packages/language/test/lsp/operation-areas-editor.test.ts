/**
 * A country of operation (`operation … in THA, KHM`) in the editor: the recipient's country hover and completion, for the
 * checks OSA301–OSA303 make there, keyword hovers, and the OSA105 quick fix on the code itself.
 */
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { parseHelper } from 'langium/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOsaLspServices, type OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { programme } from '../helpers.js';

let services: OsaLspServices;
let count = 0;

beforeEach(() => {
    services = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }).Osa;
});

/** A new file of the in-memory workspace, built and validated; `<|>` (removed) marks a position. */
async function open(text: string) {
    const offset = text.indexOf('<|>');
    const document = await parseHelper(services)(text.replace('<|>', ''), { documentUri: URI.file(`/workspace/areas-${++count}.osa`).toString(), validation: true });
    return { document, position: document.textDocument.positionAt(Math.max(0, offset)) };
}

async function hoverAt(text: string): Promise<string | undefined> {
    const { document, position } = await open(text);
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

const inField = (operation: string) => programme({ fields: `field peace-cooperation { activity un-peacekeeping operation ${operation} }` });

describe('hover on a country of operation', () => {
    it('names the country, says why it is checked and over which span, without the DAC list', async () => {
        const text = await hoverAt(inField('"ASEAN Monitoring Team" led-by ASEAN in THA, K<|>HM'));
        expect(text).toContain('**Cambodia**');
        expect(text).toContain('A country where the peace operation works');
        expect(text).toContain('OSA301–OSA303');
        expect(text).toContain('**UN arms embargoes** during FY2024 (2024-04-01 to 2025-03-31): none.');
        expect(text).not.toContain('DAC List');
    });

    it('lists an embargo on the country of operation with the rule that reports it', async () => {
        const text = await hoverAt(inField('UNMISS in S<|>SD'));
        expect(text).toContain('**South Sudan**');
        expect(text).toContain('SSD-2428');
        expect(text).toContain('**OSA301**');
    });

    it('lists a combat judgement for the country of operation', async () => {
        const text = await hoverAt(inField('UNDOF in SYR, IS<|>R'));
        expect(text).toContain('**Israel**');
        expect(text).toContain('judged engaged in combat **since 2023-10-07**');
    });

    it('says an unknown code is unknown, for the country of operation, and suggests one', async () => {
        const text = await hoverAt(inField('"ASEAN Monitoring Team" led-by ASEAN in THA, KM<|>H'));
        expect(text).toContain('**KMH** is not an ISO 3166-1 alpha-3 country code, so this country of operation cannot be checked');
        expect(text).toContain('(OSA105)');
        expect(text).toContain('Did you mean `KHM` (Cambodia)');
    });

    it('the recipient\'s hover still shows the DAC list', async () => {
        const text = await hoverAt(programme({ recipient: 'recipient PH<|>L' }));
        expect(text).toContain('**DAC List of ODA Recipients**');
    });
});

describe('completion of a country of operation', () => {
    async function completeAt(text: string) {
        const { document, position } = await open(text);
        return (await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position }))!;
    }

    it('offers countries after `in` and after the comma, flagging the ones the checks report', async () => {
        for (const text of [inField('"ASEAN Monitoring Team" led-by ASEAN in <|>'), inField('"ASEAN Monitoring Team" led-by ASEAN in THA, <|>')]) {
            const list = await completeAt(text);
            const labels = list.items.map(i => i.label);
            expect(labels).toContain('KHM');
            expect(labels).toContain('THA');
            const ssd = list.items.find(i => i.label === 'SSD')!;
            const doc = typeof ssd.documentation === 'string' ? ssd.documentation : ssd.documentation?.value ?? '';
            expect(doc).toContain('UN arms embargo (OSA301)');
        }
    });
});

describe('hover on the keywords of money by year and countries of operation', () => {
    it('explains `funding` and `in` with the rules that read them', async () => {
        const funding = await hoverAt(programme({ amount: 'fund<|>ing { 2024 600_000_000 JPY }' }));
        expect(funding).toContain('**funding** *(keyword)*');
        expect(funding).toContain('OSA601');
        const area = await hoverAt(inField('"ASEAN Monitoring Team" led-by ASEAN i<|>n THA, KHM'));
        expect(area).toContain('**in** *(keyword)*');
        expect(area).toContain('OSA301–OSA303');
    });
});

describe('quick fix for an unknown country of operation (OSA105)', () => {
    /** Validates `text` and returns the OSA105 findings with the code actions offered for each. */
    async function fixesFor(text: string): Promise<{ text: string; findings: { diagnostic: Diagnostic; actions: CodeAction[] }[] }> {
        const { document } = await open(text);
        const findings = [];
        for (const diagnostic of (document.diagnostics ?? []).filter(d => d.code === 'OSA105')) {
            const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
            }) ?? []) as CodeAction[];
            findings.push({ diagnostic, actions });
        }
        return { text, findings };
    }

    function applied(text: string, action: CodeAction): string {
        const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
        return TextDocument.applyEdits(TextDocument.create('file:///x.osa', 'osa', 1, text), edits);
    }

    it('replaces the code of operation, not the recipient, and removes the finding', async () => {
        const { text, findings } = await fixesFor(inField('"ASEAN Monitoring Team" led-by ASEAN in THA, KMH'));
        expect(findings).toHaveLength(1);
        const change = findings[0].actions.find(a => a.title === 'Change the country of operation to KHM (Cambodia)');
        expect(change, findings[0].actions.map(a => a.title).join(', ')).toBeDefined();
        expect(change!.isPreferred).toBe(true);
        const fixed = applied(text, change!);
        expect(fixed).toBe(text.replace('in THA, KMH', 'in THA, KHM'));
        expect((await fixesFor(fixed)).findings).toEqual([]);
    });

    it('with an unknown recipient too, each finding fixes its own code', async () => {
        const { text, findings } = await fixesFor(programme({
            recipient: 'recipient PHI', fields: 'field peace-cooperation { activity un-peacekeeping operation "ASEAN Monitoring Team" led-by ASEAN in THA, KMH }'
        }));
        expect(findings).toHaveLength(2);
        const changes = findings.map(f => f.actions.map(a => a.title).filter(t => t.startsWith('Change the ')));
        expect(changes[0].length).toBeGreaterThan(0);
        expect(changes[0].every(t => t.startsWith('Change the recipient to '))).toBe(true);
        expect(changes[1].length).toBeGreaterThan(0);
        expect(changes[1].every(t => t.startsWith('Change the country of operation to '))).toBe(true);
        const area = findings[1].actions.find(a => a.isPreferred)!;
        expect(applied(text, area)).toBe(text.replace('KMH', 'KHM'));
    });
});

describe('hover on money by fiscal year', () => {
    it('a share\'s year is explained as the fiscal year it is', async () => {
        const text = await hoverAt(programme({ amount: 'funding {\n        2024 400_000_000 JPY\n        20<|>25 300_000_000 JPY\n    }' }));
        expect(text).toContain('**FY2025**: the Japanese fiscal year from 1 April 2025 to 31 March 2026');
    });

    it('the programme\'s hover shows each year\'s share, as the budget check counts it', async () => {
        const text = await hoverAt(programme({ id: 'TEST-<|>1', amount: 'funding {\n        2024 400_000_000 JPY\n        2025 300_000_000 USD\n    }' }));
        expect(text).toContain('FY2024: 400,000,000 JPY, FY2025: 300,000,000 USD');
    });

    it('with `amount`, the programme\'s hover shows the amount alone', async () => {
        const text = await hoverAt(programme({ id: 'TEST-<|>2' }));
        expect(text).toContain('· 600,000,000 JPY');
        expect(text).not.toContain('FY2024:');
    });
});
