/**
 * An edit re-checks only the declarations it could have changed (validation/clean-declarations.ts), and the
 * editor's findings after each edit are exactly those of a fresh validation of the same texts.
 */
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { programmeRule } from '../../src/rules/rule.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

const FILE = 'programmes.osa';
const TEMPLATES = 'templates.osa';

/** The programmes a rule was asked to check, in order: the rules' view of which declarations an edit re-checks. */
function recordingRule(checked: string[]) {
    return programmeRule({
        id: 'OSA998', name: 'records-checks', family: 'recipient', severity: 'info', clause: 'test',
        summary: 'Records which programmes it checks (tests only).',
        check(node) {
            checked.push(node.name);
        }
    });
}

/** A rule that throws on programmes named P-CRASH, as a broken rule would: it stops before the programmes after it. */
const throwingRule = programmeRule({
    id: 'OSA997', name: 'throws-on-one', family: 'recipient', severity: 'error', clause: 'test',
    summary: 'Throws on P-CRASH (tests only).',
    check(node) {
        if (node.name === 'P-CRASH') {
            throw new Error('injected fault');
        }
    }
});

/** An editor with `files` open; `edit` replaces a file's text as the language server does. */
async function editor(files: Record<string, string>, checked: string[] = [], extraRules = [throwingRule]) {
    const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }, { rules: [...ALL_RULES, ...extraRules, recordingRule(checked)] });
    const texts = new Map<string, string>();
    const versions = new Map<string, number>();
    const uri = (name: string) => URI.file(`/workspace/${name}`);
    const edit = async (name: string, text: string) => {
        texts.set(name, text);
        versions.set(name, (versions.get(name) ?? 0) + 1);
        shared.workspace.TextDocuments.set(TextDocument.create(uri(name).toString(), 'osa', versions.get(name)!, text));
        await shared.workspace.DocumentBuilder.update([uri(name)], []);
    };
    for (const [name, text] of Object.entries(files)) {
        await edit(name, text);
    }
    const findings = (name: string) => (shared.workspace.LangiumDocuments.getDocument(uri(name))?.diagnostics ?? [])
        .filter(d => d.code !== 'OSA998')
        .map(d => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, related: d.relatedInformation, data: d.data }));
    return { edit, findings, texts };
}

/** What a fresh editor, given the same texts, finds in `name`. */
async function freshFindings(texts: Map<string, string>, name: string) {
    const fresh = await editor(Object.fromEntries(texts));
    return fresh.findings(name);
}

const P1 = programme({ id: 'P-1' });
const P2 = programme({ id: 'P-2', recipient: 'recipient BGD' });
const P3 = programme({ id: 'P-3', recipient: 'recipient MYS' });

describe('re-checking after an edit', () => {
    it('checks again only the programme whose text changed, and finds what a fresh validation finds', async () => {
        const checked: string[] = [];
        const e = await editor({ [TEMPLATES]: STANDARD_TEMPLATE, [FILE]: P1 + P2 + P3 }, checked);
        expect(checked).toEqual(['P-1', 'P-2', 'P-3']);
        const steps: [string, string][] = [
            // A title typed in P-2: only P-2 is checked again.
            [FILE, P1 + P2.replace('title "', 'title "New ') + P3],
            // A misspelt modality in P-3: a finding, kept while other programmes are edited.
            [FILE, P1 + P2.replace('title "', 'title "New ') + P3.replace('modality grant', 'modality grnt')],
            [FILE, P1.replace('title "', 'title "Other ') + P2.replace('title "', 'title "New ') + P3.replace('modality grant', 'modality grnt')],
            // A template without a clause: every programme that uses it, unchanged or not, is checked against it.
            [TEMPLATES, STANDARD_TEMPLATE.replace('    clause information-disclosure\n', '')],
            [TEMPLATES, STANDARD_TEMPLATE],
            // A parse error: everything is checked; and again once it is fixed.
            [FILE, `${P1}programme {\n${P2}${P3}`],
            [FILE, P1 + P2 + P3],
            // Two programmes with the same text.
            [FILE, P1 + P2 + P2 + P3]
        ];
        const rechecked: string[][] = [];
        for (const [name, text] of steps) {
            checked.length = 0;
            await e.edit(name, text);
            rechecked.push([...checked]);
            expect(e.findings(FILE), `after editing ${name}`).toEqual(await freshFindings(e.texts, FILE));
        }
        expect(rechecked).toEqual([
            ['P-2'],
            ['P-3'],
            ['P-1', 'P-3'],
            ['P-1', 'P-2', 'P-3'],
            ['P-1', 'P-2', 'P-3'],
            // (The nameless programme the parser recovered.)
            ['P-1', undefined, 'P-2', 'P-3'],
            ['P-1', 'P-2', 'P-3'],
            // The copy of P-2 has the text of a clean programme: only the duplicate-id finding (a workspace rule) is new.
            []
        ]);
        // The misspelt modality was found each time P-3 was checked, and the template's missing clause in all three.
        expect(await freshFindings(e.texts, FILE)).toEqual(e.findings(FILE));
    });

    it('checks every programme again after a rule threw, since the programmes after the failure were not checked by it', async () => {
        const checked: string[] = [];
        const crash = programme({ id: 'P-CRASH' });
        const e = await editor({ [TEMPLATES]: STANDARD_TEMPLATE, [FILE]: P1 + crash + P3 }, checked);
        checked.length = 0;
        await e.edit(FILE, P1.replace('title "', 'title "New ') + crash + P3);
        expect(checked).toEqual(['P-1', 'P-CRASH', 'P-3']);
        expect(e.findings(FILE).filter(d => d.code === 'OSA997')).toHaveLength(1);
        expect(e.findings(FILE)).toEqual(await freshFindings(e.texts, FILE));
    });
});
