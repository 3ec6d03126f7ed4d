/** Hovers, in process: countries, vocabulary and keywords with their clause, programme status, templates, envelopes, rule ids. */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { expectHover, parseHelper } from 'langium/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOsaLspServices, type OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { ruleDocsUrl } from '../../src/rules/docs.js';
import { ALL_RULES, ruleById } from '../../src/rules/index.js';
import { keywordTerm, vocabularyTerm } from '../../src/lsp/hover-terms.js';
import { VOCABULARIES } from '../../src/vocabulary.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

let services: OsaLspServices;

beforeEach(() => {
    services = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }).Osa;
});

/** Adds a file to the in-memory workspace and builds it (validated, so hovers see its diagnostics). */
async function addFile(name: string, text: string, osa: OsaLspServices = services): Promise<LangiumDocument> {
    return parseHelper(osa)(text, { documentUri: URI.file(`/workspace/${name}`).toString(), validation: true });
}

let fileCount = 0;

/** The hover markdown at the first `<|>` of `text` (the marker is removed), in a new file of the workspace. */
async function hoverAt(text: string, options: { name?: string; osa?: OsaLspServices } = {}): Promise<string | undefined> {
    const offset = text.indexOf('<|>');
    const document = await addFile(options.name ?? `programme-${++fileCount}.osa`, text.replace('<|>', ''), options.osa);
    const hover = await (options.osa ?? services).lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

describe('hover on a recipient country code', () => {
    it('gives the name, DAC category and edition for the fiscal year, and no embargo or designation', async () => {
        const text = await hoverAt(programme({ recipient: 'recipient PH<|>L' }));
        expect(text).toContain('Philippines');
        expect(text).toContain('**LMIC**');
        expect(text).toContain('2024-2025');
        expect(text).toContain('1 April 2024');
        expect(text).toContain('**UN arms embargoes** during FY2024 (2024-04-01 to 2025-03-31): none.');
        expect(text).toContain('not judged in combat');
    });

    it('works with Langium\'s expectHover too', async () => {
        await expectHover(services)({
            text: programme({ recipient: 'recipient ID<|>N' }),
            index: 0,
            hover: /Indonesia[\s\S]*UMIC[\s\S]*Edition \*\*2024-2025\*\*/,
            disposeAfterCheck: true
        });
    });

    it('says when the nearest edition stands in for a fiscal year no edition covers', async () => {
        const text = await hoverAt(programme({ fiscalYear: 'fiscal-year 2027', recipient: 'recipient P<|>HL' }));
        expect(text).toContain('No edition is in force on 2027-04-01');
        expect(text).toContain('the nearest, **2024-2025**');
        expect(text).toContain('stands in for it (OSA100)');
    });

    it('lists an in-combat judgement with its date and source', async () => {
        const text = await hoverAt(programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient U<|>KR' }));
        expect(text).toContain('Ukraine');
        expect(text).toMatch(/judged engaged in combat \*\*since 2022-02-24\*\*/);
        expect(text).toContain('https://press.un.org/en/2022/ga12407.doc.htm');
        expect(text).toContain('Party to a conflict** (Three Principles): not designated');
    });

    it('lists arms embargoes overlapping the fiscal year with scope, resolutions, dates and source', async () => {
        const text = await hoverAt(programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient PR<|>K' }));
        expect(text).toContain('**PRK-1718**');
        expect(text).toContain('government and all');
        expect(text).toContain('covers the government: **OSA301**');
        expect(text).toContain('1718 (2006)');
        expect(text).toContain('from 2006-10-14, open-ended');
        expect(text).toMatch(/Source: \[[^\]]+\]\(https:\/\//);
    });

    it('tells an embargo on non-state actors from one that binds the government', async () => {
        const text = await hoverAt(programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient LB<|>N' }));
        expect(text).toContain('non state only');
        expect(text).toContain('does not cover the government');
    });

    it('shows graduation records', async () => {
        const text = await hoverAt(programme({ fiscalYear: 'fiscal-year 2024', recipient: 'recipient CH<|>L' }));
        expect(text).toContain('**not listed**');
        expect(text).toContain('**Graduation records**:');
        expect(text).toContain('2018-01-01, confirmed (2017 triennial review)');
    });

    it('says an unknown code is unknown and suggests one', async () => {
        const text = await hoverAt(programme({ recipient: 'recipient PH<|>I' }));
        expect(text).toContain('is not an ISO 3166-1 alpha-3 country code');
        expect(text).toContain('OSA105');
        expect(text).toContain('Did you mean');
        expect(text).toContain('`PHL` (Philippines)');
    });

    it('uses the reference data of the document\'s osa.config.json', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-hover-'));
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({
            referenceData: { inCombat: [{ iso3: 'PHL', from: '2024-06-01', until: null, basis: 'Test judgement for the hover.', sources: ['https://example.org/test'] }] }
        }));
        const osa = createOsaLspServices({ ...NodeFileSystem, connection: undefined }).Osa;
        const text = programme({ recipient: 'recipient P<|>HL' });
        const offset = text.indexOf('<|>');
        const document = await parseHelper(osa)(text.replace('<|>', ''), { documentUri: URI.file(path.join(dir, 'p.osa')).toString(), validation: true });
        const hover = await osa.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
        const value = (hover!.contents as { value: string }).value;
        expect(value).toContain('since 2024-06-01');
        expect(value).toContain('Test judgement for the hover.');
    });
});

describe('hover on vocabulary and keywords', () => {
    it('explains a clause name with its §3(3) sub-clause', async () => {
        const text = await hoverAt(`${STANDARD_TEMPLATE.replace('clause no-third-party-transfer', 'clause no-third-<|>party-transfer')}`, { name: 'templates.osa' });
        expect(text).toContain('**no-third-party-transfer** *(agreement clause)*');
        expect(text).toContain('not transferred to third parties');
        expect(text).toContain('§3(3)(c)');
        expect(text).toContain('OSA406');
    });

    it('explains a permitted field with its sub-clause', async () => {
        const text = await hoverAt(programme({ fields: 'field rule-of<|>-law { activity maritime-surveillance }' }));
        expect(text).toContain('*(field)*');
        expect(text).toContain('§2(2)(a)');
    });

    it('tells the assessment topic rule-of-law from the field of the same name', async () => {
        const source = programme().replace('rule-of-law on-file', 'rule-of<|>-law on-file');
        const text = await hoverAt(source);
        expect(text).toContain('*(assessment topic)*');
        expect(text).toContain('§3(2)');
    });

    it('says a forbidden item category relates directly to international conflict', async () => {
        const text = await hoverAt(programme({ items: 'provide "Rifle" quantity 5 category wea<|>pon' }));
        expect(text).toContain('relates directly to international conflict (§2(2)); OSA203');
    });

    it('notes an activity declared under the wrong field', async () => {
        const text = await hoverAt(programme({ fields: 'field humanitarian { activity maritime-sur<|>veillance }' }));
        expect(text).toContain('§2(2)(a)');
        expect(text).toContain('Declared here under `humanitarian`, not `rule-of-law`: OSA204.');
    });

    it('explains defense purposes, beneficiary kinds, modalities and coordination bodies', async () => {
        expect(await hoverAt(programme({ items: 'provide "Radar" category coastal-radar defense-equipment purpose str<|>ike' }))).toContain('OSA304');
        expect(await hoverAt(programme({ beneficiary: 'beneficiary "Police" kind pol<|>ice' }))).toContain('§2(1)); OSA102');
        expect(await hoverAt(programme({ modality: 'modality gr<|>ant' }))).toContain('OSA is provided in grant aid (§2(1))');
        expect(await hoverAt(programme({ coordination: 'coordination N<|>SS, MOFA, MOD' }))).toContain('§4(1)');
        expect(await hoverAt(programme({ coordination: 'coordination NSS, MOFA, MOD, JI<|>CA' }))).toContain('§4(2)');
    });

    it('explains the main keywords with their clause', async () => {
        expect(await hoverAt(programme({ recipient: 'recip<|>ient PHL' }))).toMatch(/\*\*recipient\*\* \*\(keyword\)\*[\s\S]*§2\(1\)/);
        expect(await hoverAt(programme({ fields: 'fi<|>eld rule-of-law { activity maritime-surveillance }' }))).toContain('§2(2)(a)');
        expect(await hoverAt(programme({ items: 'pro<|>vide "Radar" category coastal-radar' }))).toContain('§2(2)');
        expect(await hoverAt(programme().replace('assessment {', 'assess<|>ment {'))).toContain('§3(2)');
        expect(await hoverAt(programme({ agreement: 'agree<|>ment uses StandardExchangeOfNotes' }))).toContain('§3(3)');
        expect(await hoverAt(programme({ coordination: 'coordi<|>nation NSS, MOFA, MOD' }))).toContain('§4(1)');
        expect(await hoverAt(programme({ extra: 'exce<|>ption OSA101 { justification "x" }' }))).toContain('justification');
        expect(await hoverAt(programme({ fiscalYear: 'fiscal-<|>year 2024' }))).toContain('1 April');
        expect(await hoverAt(programme({ modality: 'moda<|>lity grant' }))).toContain('OSA103');
        expect(await hoverAt(programme({ beneficiary: 'bene<|>ficiary "Navy" kind armed-forces' }))).toContain('OSA102');
        expect(await hoverAt('<|>programme X { }')).toContain('*(keyword)*');
        expect(await hoverAt('budget-env<|>elope B { fiscal-year 2024 amount 1 JPY }', { name: 'b.osa' })).toContain('OSA601');
        expect(await hoverAt(`agreement-temp<|>late T { }`, { name: 't.osa' })).toContain('§3(3)');
        expect(await hoverAt('budget-envelope B { fiscal-year 2024 amo<|>unt 1 JPY }', { name: 'b2.osa' })).toContain('appropriated for the fiscal year');
        expect(await hoverAt(programme({ amount: 'amo<|>unt 1 JPY' }))).toContain('The amount of the grant');
    });

    it('shows nothing on punctuation, strings and comments', async () => {
        expect(await hoverAt(programme({ title: 'title "Coastal <|>radars"' }))).toBeUndefined();
        expect(await hoverAt(`// a comm<|>ent\n${programme()}`)).toBeUndefined();
        expect(await hoverAt(programme().replace('{', '<|>{'))).toBeUndefined();
    });

    it('has a description for every vocabulary term and cites rules that exist', () => {
        const cited = new Set<string>();
        for (const vocabulary of Object.values(VOCABULARIES)) {
            const terms = Object.keys(vocabulary.terms);
            expect(terms.length, vocabulary.id).toBeGreaterThan(0);
            for (const term of terms) {
                const doc = vocabularyTerm(vocabulary.id, term);
                expect(doc, `${vocabulary.id} ${term}`).toBeDefined();
                for (const id of `${doc!.governs} ${doc!.detail}`.match(/OSA\d{3}/g) ?? []) {
                    cited.add(id);
                }
            }
            expect(vocabularyTerm(vocabulary.id, 'constructor'), vocabulary.id).toBeUndefined();
        }
        for (const keyword of ['programme', 'recipient', 'field', 'provide', 'assessment', 'agreement', 'coordination', 'exception',
            'budget-envelope', 'agreement-template', 'fiscal-year', 'modality', 'beneficiary', 'operation', 'led-by',
            'status', 'decided', 'delivered', 'continues', 'monitoring', 'visit', 'results']) {
            const term = keywordTerm(undefined, keyword) ?? keywordTerm('Programme', keyword) ?? keywordTerm('MonitoringResults', keyword);
            expect(term, keyword).toBeDefined();
            for (const id of term!.governs.match(/OSA\d{3}/g) ?? []) {
                cited.add(id);
            }
        }
        for (const id of cited) {
            expect(ruleById(id), id).toBeDefined();
        }
    });
});

describe('hover on terms found by their position', () => {
    it('explains a term by the property it stands in, not by the word: `training` as an item category', async () => {
        const text = await hoverAt(programme({ items: 'provide "Course" category trai<|>ning' }));
        expect(text).toContain('**training** *(item category)*');
        expect(text).toContain('Training to operate and maintain what is provided.');
    });

    it('says an unknown term is unknown and suggests the closest terms', async () => {
        const text = await hoverAt(programme({ items: 'provide "Boat" category patrol-bo<|>t' }));
        expect(text).toContain('**patrol-bot** is not a known item category');
        expect(text).toContain('Did you mean `patrol-boat`');
        const alias = await hoverAt(programme({ beneficiary: 'beneficiary "Navy" kind na<|>vy' }));
        expect(alias).toContain('is not a known beneficiary kind');
        expect(alias).toContain('`armed-forces`');
    });

    it('explains a currency', async () => {
        expect(await hoverAt(programme({ amount: 'amount 1_000 JP<|>Y' }))).toContain('**JPY** *(currency)*');
    });

    it('says which property an unknown word may stand for', async () => {
        const text = await hoverAt(programme().replace('    recipient PHL', '    recipe<|>int PHL'));
        expect(text).toContain('**recipeint** is not a property');
        expect(text).toContain('Did you mean `recipient`');
    });
});

describe('hover on a peace operation', () => {
    const peace = (operation: string) => programme({
        fields: `field peace-cooperation { activity peacekeeping-training ${operation} }`
    });

    it('shows a UN operation from the reference data: name, kind, countries, dates and resolutions', async () => {
        const text = await hoverAt(peace('operation UNM<|>ISS'));
        expect(text).toContain('**UNMISS** · United Nations Mission in the Republic of South Sudan *(UN peacekeeping operation)*');
        expect(text).toContain('Where: South Sudan.');
        expect(text).toContain('Established 2011-07-09, running');
        expect(text).toContain('S/RES/1996 (2011)');
        expect(text).toContain('OSA206');
    });

    it('shows what must still be verified for a row with a `verify` note, and an end date', async () => {
        const text = await hoverAt(peace('operation UNA<|>MI'));
        expect(text).toContain('*(UN special political mission)*');
        expect(text).toContain('ended 2025-12-31');
        expect(text).toContain('To verify against the sources: S/RES/2732 (2024)');
    });

    it('suggests UN operations for a name the list does not have, and explains an operation outside the UN', async () => {
        const unknown = await hoverAt(peace('operation UNMIS<|>SS'));
        expect(unknown).toContain('is not a UN peace operation in the reference data');
        expect(unknown).toContain('`UNMISS`');
        const outside = await hoverAt(peace('operation "ASEAN Monitoring<|> Team" led-by ASEAN'));
        expect(outside).toContain('a peace operation outside the UN, led by ASEAN');
        expect(outside).toContain('OSA206');
        expect(await hoverAt(peace('opera<|>tion UNMISS'))).toContain('*(keyword)*');
    });
});

describe('hover on names', () => {
    it('sums up a compliant programme', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        const text = await hoverAt(programme({ id: 'TEST-2024-<|>001' }));
        expect(text).toContain('**Programme TEST-2024-001**');
        expect(text).toContain(`complies with all ${ALL_RULES.length} rules`);
    });

    it('counts a programme\'s errors and warnings and lists their rules', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        const text = await hoverAt(programme({
            id: 'TEST-2024-<|>002',
            modality: 'modality loan',
            items: 'provide "Patrol boat" category patrol-boat armed-after-delivery'
        }));
        expect(text).toContain('**1 error · 1 warning**');
        expect(text).toMatch(/- error \*\*OSA103\*\* `modality-not-grant` \(§2\(1\)\), line \d+:/);
        expect(text).toMatch(/- warning \*\*OSA305\*\* `armed-after-delivery`/);
    });

    it('counts the language\'s own errors as errors', async () => {
        const text = await hoverAt(programme({ id: 'TEST-2024-<|>003', agreement: 'agreement uses NoSuchTemplate' }));
        expect(text).toMatch(/\*\*\d+ errors?/);
        expect(text).toContain('NoSuchTemplate');
    });

    it('shows what a template declares, from its name and from a `uses` reference', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        const onUse = await hoverAt(programme({ agreement: 'agreement uses StandardExchange<|>OfNotes signed 2024-12-05' }));
        expect(onUse).toContain('**Agreement template StandardExchangeOfNotes**');
        expect(onUse).toContain('`no-third-party-transfer`: §3(3)(c)');
        expect(onUse).toContain('It has every clause §3(3)(a)–(d) requires.');
        const onName = await hoverAt(STANDARD_TEMPLATE.replace('StandardExchangeOfNotes', 'Standard<|>ExchangeOfNotes'), { name: 'templates-2.osa' });
        expect(onName).toContain('**Agreement template StandardExchangeOfNotes**');
    });

    it('says which §3(3) clauses a template lacks', async () => {
        const text = await hoverAt('agreement-template Th<|>in { kind memorandum clause information-disclosure }', { name: 'thin.osa' });
        expect(text).toContain('It lacks `monitoring-and-evaluation` (§3(3)(b))');
    });

    it('shows an envelope\'s fiscal year and amount, and what the year\'s programmes commit', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        await addFile('a.osa', programme({ id: 'A', amount: 'amount 1_500_000_000 JPY' }));
        await addFile('b.osa', programme({ id: 'B', amount: 'amount 1_000_000_000 JPY' }));
        await addFile('c.osa', programme({ id: 'C', fiscalYear: 'fiscal-year 2025', amount: 'amount 9_000_000_000 JPY' }));
        const text = await hoverAt('budget-envelope ENV-<|>FY2024 { fiscal-year 2024 amount 5_000_000_000 JPY source "MOF" }', { name: 'budgets.osa' });
        expect(text).toContain('FY2024 (2024-04-01 to 2025-03-31) · 5,000,000,000 JPY');
        expect(text).toContain('The 2 programmes of FY2024 in the workspace commit **2,500,000,000 JPY** (50%) of 5,000,000,000 JPY: 2,500,000,000 JPY remains.');
        expect(text).toContain('- A: 1,500,000,000 JPY');
        expect(text).not.toContain('- C:');
        const over = await hoverAt('budget-envelope ENV-<|>FY2025 { fiscal-year 2025 amount 8_000_000_000 JPY }', { name: 'budgets-2025.osa' });
        expect(over).toContain('**1,000,000,000 JPY over** the envelope (OSA601)');
        const onReference = await hoverAt(programme({ id: 'D', amount: 'amount 1 JPY', extra: 'funded-by ENV-<|>FY2024' }), { name: 'd.osa' });
        expect(onReference).toContain('**Budget envelope ENV-FY2024**');
    });

    it('explains the rule id of an exception, with its docs link', async () => {
        const text = await hoverAt(programme({ extra: 'exception OSA1<|>01 { justification "Decided by the NSC" }' }));
        const rule = ruleById('OSA101')!;
        expect(text).toContain('**OSA101** `recipient-not-developing-country` — error, clause §2(1)');
        expect(text).toContain(rule.summary);
        expect(text).toContain('reported as a warning');
        expect(text).toContain(`[Documentation](${ruleDocsUrl('OSA101')})`);
        const firm = await hoverAt(programme({ extra: 'exception OSA2<|>03 { justification "x" }' }));
        expect(firm).toContain('an exception has no effect on it');
        // OSA301: the exception answers its warnings on a country of operation only, and the hover says so.
        const partial = await hoverAt(programme({ extra: 'exception OSA3<|>01 { justification "x" }' }));
        expect(partial).toContain('Some of its findings can be answered: with a justified `exception OSA301`, those are reported as information');
        expect(partial).not.toContain('no effect');
        const unjustified = await hoverAt(programme({ extra: 'exception OSA3<|>05 { }' }));
        expect(unjustified).toContain('no written justification');
        const unknown = await hoverAt(programme({ extra: 'exception OSA1<|>11 { justification "x" }' }));
        expect(unknown).toContain('is not a rule id');
    });

    it('explains a fiscal year number', async () => {
        expect(await hoverAt(programme({ fiscalYear: 'fiscal-year 20<|>24' }))).toContain('1 April 2024 to 31 March 2025');
    });
});

describe('hovers show text from files as text', () => {
    it('a title with a markdown link, an image, HTML and terminal escapes renders inert', async () => {
        await addFile('templates.osa', STANDARD_TEMPLATE);
        const payload = '[click](http://evil.example) ![x](http://evil.example/x.png) <img src=x onerror=alert(1)> \\u001b]8;;http://x\\u0007';
        const markdown = (await hoverAt(programme({ id: 'TEST-<|>2024-001', title: `title "${payload.replace(/\\u001b/g, '\u001b').replace(/\\u0007/g, '\u0007')}"` })))!;
        expect(markdown).toBeDefined();
        expect(markdown).not.toMatch(/\]\(http/);
        expect(markdown).not.toMatch(/(?<!\\)<img/);
        expect(markdown).toContain('\\<img');
        expect(markdown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(markdown).toContain('\\[click\\]');
    });
});
