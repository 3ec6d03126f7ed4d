import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Model, Programme } from '../src/generated/ast.js';
import { createOsaServices } from '../src/osa-module.js';
import { programmeRule } from '../src/rules/rule.js';
import { ALL_RULES } from '../src/rules/index.js';
import { WorkspaceChecker } from '../src/engine/workspace-checker.js';
import { programme, STANDARD_TEMPLATE, validateSource } from './helpers.js';

describe('rule engine', () => {
    it('the compliant baseline programme has no findings at all', async () => {
        const { diagnostics } = await validateSource(programme());
        expect(diagnostics).toEqual([]);
    });

    it('a rule that throws becomes one diagnostic and the other rules still run', async () => {
        const broken = programmeRule({
            id: 'OSA999', name: 'always-throws', family: 'recipient', severity: 'warning', clause: '§2(1)',
            summary: 'Throws on every programme.',
            check() {
                throw new Error('boom');
            }
        });
        const { diagnostics } = await validateSource(programme({ modality: 'modality loan' }), { rules: [broken, ...ALL_RULES] });
        const crashes = diagnostics.filter(d => d.message.includes('OSA999'));
        expect(crashes).toHaveLength(1);
        expect(crashes[0].severity).toBe('error');
        expect(crashes[0].message).toContain('boom');
        expect(crashes[0].message).toContain('other rules still ran');
        expect(diagnostics.map(d => d.rule)).toContain('OSA103');
    });

    it('every rule finding carries its clause and a documentation link', async () => {
        const { diagnostics } = await validateSource(programme({ recipient: 'recipient USA', modality: 'modality loan', fields: null }));
        expect(diagnostics.map(d => d.rule).sort()).toEqual(['OSA101', 'OSA103', 'OSA201']);
        for (const d of diagnostics) {
            expect(d.clause).toBe('§2' + (d.rule === 'OSA201' ? '(2)' : '(1)'));
        }
    });
});

describe('parser error recovery', () => {
    it('a programme with a syntax error still yields the other rules\' findings', async () => {
        const source = programme({ recipient: 'recipient USA', items: 'provide "Radar" quantity category coastal-radar' });
        const { diagnostics } = await validateSource(source);
        expect(diagnostics.filter(d => d.rule === 'syntax').length).toBeGreaterThan(0);
        expect(diagnostics.map(d => d.rule)).toContain('OSA101');
    });

    it('an unknown vocabulary term is a syntax error, not a crash', async () => {
        const { diagnostics } = await validateSource(programme({ items: 'provide "Tank" category main-battle-tank' }));
        const syntax = diagnostics.filter(d => d.rule === 'syntax');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax[0].severity).toBe('error');
    });

    it('a missing closing brace is reported and the programme is still checked', async () => {
        const source = programme({ modality: 'modality sale' }).trimEnd().replace(/}$/, '');
        const { diagnostics } = await validateSource(source);
        expect(diagnostics.some(d => d.rule === 'syntax')).toBe(true);
        expect(diagnostics.map(d => d.rule)).toContain('OSA103');
    });

    it('garbage bytes produce syntax errors, not an exception', async () => {
        const { diagnostics } = await validateSource('\u0000\u00ff\ufffd programme {{{ "unterminated');
        expect(diagnostics.some(d => d.rule === 'syntax' && d.severity === 'error')).toBe(true);
    });
});

describe('language checks', () => {
    it('requires fiscal-year, recipient, beneficiary and modality', async () => {
        const { diagnostics } = await validateSource(programme({ fiscalYear: null, recipient: null, beneficiary: null, modality: null }));
        const messages = diagnostics.filter(d => d.rule === 'syntax').map(d => d.message).join('\n');
        for (const keyword of ['fiscal-year', 'recipient', 'beneficiary', 'modality']) {
            expect(messages).toContain(`no ${keyword} declaration`);
        }
    });

    it('reads digit separators in amounts', async () => {
        const { diagnostics } = await validateSource(programme({ amount: 'amount 1_600_000_000 JPY' }));
        expect(diagnostics).toEqual([]);
    });

    it('rejects an implausible fiscal year and an inverted period', async () => {
        const { diagnostics } = await validateSource(programme({ fiscalYear: 'fiscal-year 24', extra: 'period 2025-03-31 to 2024-04-01' }));
        const messages = diagnostics.filter(d => d.rule === 'syntax').map(d => d.message);
        expect(messages.some(m => m.includes('`fiscal-year` takes a Japanese fiscal year in four digits') && m.includes('`24` is not a year'))).toBe(true);
        expect(messages.some(m => m.includes('ends'))).toBe(true);
    });

    it('an exception naming a firm rule has no effect and says so', async () => {
        const { diagnostics } = await validateSource(programme({ extra: 'exception OSA203 { justification "needed" }' }));
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ rule: 'syntax', severity: 'warning' });
        expect(diagnostics[0].message).toContain('no effect');
    });

    it('an exception naming a rule only some of whose findings it can answer is not called ineffective', async () => {
        // OSA301: the finding on the recipient is firm, a warning on a country of operation is lowered by the exception.
        const area = 'field peace-cooperation { activity un-peacekeeping operation UNMISS in SSD }';
        const { diagnostics } = await validateSource(programme({ fields: area, extra: 'exception OSA301 { justification "Exemption for UNMISS supplies confirmed" }' }));
        expect(diagnostics.filter(d => d.rule === 'syntax'), 'no "has no effect" warning').toEqual([]);
        expect(diagnostics.filter(d => d.rule === 'OSA301').map(d => d.severity)).toEqual(['info']);
    });

    it('an unresolved agreement template is a linking error', async () => {
        const { diagnostics } = await validateSource(programme({ agreement: 'agreement uses NoSuchTemplate signed 2024-12-05' }));
        expect(diagnostics.map(d => d.rule)).toEqual(['syntax']);
        expect(diagnostics[0].message).toContain('NoSuchTemplate');
    });

    it('a declaration written twice is reported, since only one can count', async () => {
        const { diagnostics } = await validateSource(programme({ extra: 'title "A second title"\n    modality grant' }));
        const messages = diagnostics.filter(d => d.rule === 'syntax').map(d => d.message);
        expect(messages).toHaveLength(2);
        expect(messages.some(m => m.includes('states `title` more than once'))).toBe(true);
        expect(messages.some(m => m.includes('states `modality` more than once'))).toBe(true);
    });

    it('an item needs a category', async () => {
        const { diagnostics } = await validateSource(programme({ items: 'provide "Deck-mounted machine gun" quantity 2' }));
        expect(diagnostics.find(d => d.rule === 'syntax')?.message).toContain('has no category');
    });

    it('a programme must be funded by the envelope of its own fiscal year', async () => {
        const { diagnostics } = await validateSource(programme({
            extra: 'funded-by ENVELOPE-FY2025\n}\nbudget-envelope ENVELOPE-FY2025 { fiscal-year 2025 amount 8_100_000_000 JPY'
        }));
        expect(diagnostics.map(d => d.message).join('\n')).toContain('funded by ENVELOPE-FY2025, the FY2025 envelope');
    });
});

describe('one name, one declaration', () => {
    /** Loads the files in the given order and says which file the programme's template reference resolves to. */
    async function linkedTemplateFile(order: string[]): Promise<string> {
        const files: Record<string, string> = {
            'z-templates.osa': 'agreement-template T {\n    kind exchange-of-notes\n    clause information-disclosure\n}\n',
            'a-templates.osa': 'agreement-template T {\n    kind exchange-of-letters\n}\n',
            'programme.osa': programme({ agreement: 'agreement uses T signed 2024-12-05' })
        };
        const { shared } = createOsaServices(EmptyFileSystem);
        const documents = order.map(name => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(files[name], URI.file(`/workspace/${name}`));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.workspace.DocumentBuilder.build(documents, { validation: false });
        const model = documents.find(d => d.uri.path.endsWith('programme.osa'))!.parseResult.value as Model;
        const template = (model.elements[0] as Programme).agreements[0].templates[0].ref!;
        return AstUtils.getDocument(template).uri.path.split('/').pop()!;
    }

    it('a reference to a name declared twice resolves to the first file by path, whatever the load order', async () => {
        const orders = [
            ['z-templates.osa', 'a-templates.osa', 'programme.osa'],
            ['programme.osa', 'a-templates.osa', 'z-templates.osa'],
            ['a-templates.osa', 'programme.osa', 'z-templates.osa']
        ];
        for (const order of orders) {
            expect(await linkedTemplateFile(order)).toBe('a-templates.osa');
        }
    });
});

describe('a check that throws', () => {
    it('is one internal-error diagnostic that says how to report it, and prints nothing to the console', async () => {
        const { shared, Osa } = createOsaServices(EmptyFileSystem);
        Osa.validation.ValidationRegistry.register({ Programme: () => { throw new Error('boom'); } });
        const errors: unknown[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => { errors.push(args); };
        try {
            const document = shared.workspace.LangiumDocumentFactory.fromString(programme(), URI.file('/workspace/p.osa'));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            const internal = (document.diagnostics ?? []).filter(d => d.message.startsWith('Internal error'));
            expect(internal).toHaveLength(1);
            expect(internal[0].message).toContain('boom');
            expect(internal[0].message).toContain('please report it at');
            expect(errors).toEqual([]);
        } finally {
            console.error = original;
        }
    });
});

describe('the CLI checker reads each file once', () => {
    const rulesOf = (checked: { path: string; diagnostics: { code?: string | number }[] }[]) =>
        Object.fromEntries(checked.map(c => [path.basename(c.path), c.diagnostics.map(d => String(d.code)).sort()]));

    function workspaceOnDisk(): { dir: string; clean: string; loan: string } {
        const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osa-read-once-')));
        const clean = path.join(dir, 'a.osa');
        const loan = path.join(dir, 'b.osa');
        fs.writeFileSync(path.join(dir, 'templates.osa'), STANDARD_TEMPLATE);
        fs.writeFileSync(clean, programme({ id: 'TEST-2024-101' }));
        fs.writeFileSync(loan, programme({ id: 'TEST-2024-102', modality: 'modality loan' }));
        return { dir, clean, loan };
    }

    it('checks the bytes its listing read: one snapshot, even when a file changes or goes in between', async () => {
        const { dir, clean, loan } = workspaceOnDisk();
        const checker = new WorkspaceChecker();
        const plan = checker.plan(dir, [clean, loan]);
        if ('problem' in plan) throw new Error('no plan');
        fs.writeFileSync(clean, programme({ id: 'TEST-2024-101', modality: 'modality loan' }));
        fs.rmSync(loan);
        const { checked, problems } = await checker.check(plan.workspace, plan.wanted);
        expect(problems).toEqual([]);
        expect(rulesOf(checked)).toEqual({ 'a.osa': [], 'b.osa': ['OSA103'] });
        // Used once: a second check of the same files reads the disk as it is now.
        const again = await checker.check(plan.workspace, [clean]);
        expect(rulesOf(again.checked)).toEqual({ 'a.osa': ['OSA103'] });
    });

    it('hands the bytes it read to another thread\'s checker whole, and a file it did not read is read there', async () => {
        const { dir, clean, loan } = workspaceOnDisk();
        const lister = new WorkspaceChecker();
        const plan = lister.plan(dir, [clean, loan]);
        if ('problem' in plan) throw new Error('no plan');
        const outside = path.join(dir, 'late.osa');
        const given = lister.takePrefetched([clean, outside, loan]);
        expect(given.lengths[1]).toBe(-1);
        fs.writeFileSync(outside, programme({ id: 'TEST-2024-103', modality: 'modality loan' }));
        fs.writeFileSync(clean, programme({ id: 'TEST-2024-101', modality: 'modality loan' }));
        const worker = new WorkspaceChecker();
        worker.acceptPrefetched([clean, outside, loan], given);
        const { checked } = await worker.check(plan.workspace, [clean, outside, loan]);
        expect(rulesOf(checked)).toEqual({ 'a.osa': [], 'b.osa': ['OSA103'], 'late.osa': ['OSA103'] });
        // The lister gave them away: it reads the file as it is now.
        expect(rulesOf((await lister.check(plan.workspace, [clean])).checked)).toEqual({ 'a.osa': ['OSA103'] });
    });
});
