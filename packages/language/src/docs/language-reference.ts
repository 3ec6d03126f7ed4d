/**
 * The generated parts of the language reference, docs/language.md: the term tables of every vocabulary, the
 * property tables of every declaration, the accepted currencies, the shipped UN peace operations and the rules
 * that take an `exception`. They are rendered from the same tables the checks read (vocabulary.ts,
 * model/properties.ts, the reference data, the rule registry), between marker comments in the page:
 *
 *     <!-- generated:terms:item-category -->
 *     …
 *     <!-- /generated -->
 *
 * The prose around them is written by hand. `languageReferenceProblems` says what is out of step (a section that
 * differs from its rendering, a vocabulary or declaration with no section, a keyword or rule the page never
 * mentions); `npm run docs:language` rewrites the sections (packages/language/scripts/language-reference.mjs).
 */
import { AstUtils, GrammarAST } from 'langium';
import { OsaGrammar } from '../generated/grammar.js';
import { PROPERTIES, type PropertySpec } from '../model/properties.js';
import { DEFAULT_REFERENCE_DATA } from '../reference/default-data.js';
import type { PeaceOperationsData } from '../reference/types.js';
import { ALL_RULES } from '../rules/index.js';
export { LANGUAGE_REFERENCE_PATH } from '../rules/docs.js';
import currencyData from '../reference/data/currencies.json' with { type: 'json' };
import { VOCABULARIES, type TermInfo, type Vocabulary } from '../vocabulary.js';

/** Everything the generated sections are rendered from; tests pass modified copies. */
export interface LanguageReferenceData {
    vocabularies: Readonly<Record<string, Vocabulary>>;
    properties: Readonly<Record<string, readonly PropertySpec[]>>;
    currencies: { edition: string; retrieved: string; currencies: readonly { code: string; name: string }[] };
    peaceOperations: PeaceOperationsData;
    rules: readonly { id: string; name: string; severity: string; exceptionSeverity?: string }[];
    /** Every keyword of the grammar: the page must mention each one. */
    keywords: readonly string[];
}

export function defaultLanguageReferenceData(): LanguageReferenceData {
    return {
        vocabularies: VOCABULARIES,
        properties: PROPERTIES,
        currencies: currencyData,
        peaceOperations: DEFAULT_REFERENCE_DATA.peaceOperations,
        rules: ALL_RULES,
        keywords: grammarKeywords()
    };
}

/** The keywords of the OSA grammar (words only: no braces or commas). */
export function grammarKeywords(): string[] {
    const words = new Set<string>();
    for (const rule of OsaGrammar().rules) {
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node) && /^[A-Za-z][\w-]*$/.test(node.value)) {
                words.add(node.value);
            }
        }
    }
    return [...words].sort();
}

// ---- rendering ---------------------------------------------------------------------------------------

const yesNo = (value: unknown) => value ? 'yes' : 'no';

/** How a classification of a vocabulary's terms is shown: a column header and the cell for one term. */
interface Column {
    header: string;
    /** The TermInfo keys the column shows; keys no column shows get a generic column, so nothing is left out. */
    keys: string[];
    cell: (info: Record<string, unknown>) => string;
}

const ROLES: Record<string, string> = {
    core: 'core body (§4(1))',
    framework: 'other cooperation framework (§4(2))',
    'transfer-scheme': 'defense equipment transfer scheme (§4(3))'
};

const COLUMNS: Record<string, Column[]> = {
    'beneficiary-kind': [{ header: 'Eligible (§2(1))', keys: ['eligible'], cell: i => yesNo(i.eligible) }],
    'modality': [{ header: 'Grant aid (§2(1))', keys: ['grant'], cell: i => yesNo(i.grant) }],
    'field': [{ header: 'Permitted (§2(2))', keys: ['permitted', 'clause'], cell: i => i.permitted ? `yes, ${i.clause}` : 'no' }],
    'activity': [
        { header: 'Belongs to field', keys: ['field'], cell: i => i.field ? `\`${i.field}\`` : 'none' },
        { header: 'Conflict-related (§2(2))', keys: ['conflictRelated'], cell: i => yesNo(i.conflictRelated) }
    ],
    'item-category': [
        { header: 'Conflict-related (§2(2))', keys: ['conflictRelated'], cell: i => yesNo(i.conflictRelated) },
        {
            header: 'Default field (`serves`)', keys: ['defaultField'],
            cell: i => i.defaultField === 'as-main-items' ? 'as the main items' : i.defaultField === 'programme-field' ? 'the programme\'s only field'
                : i.defaultField ? `\`${i.defaultField}\`` : 'none'
        },
        { header: 'Defense equipment by nature', keys: ['defenseEquipment'], cell: i => yesNo(i.defenseEquipment) }
    ],
    'purpose': [{ header: 'Allowed for defense equipment (§3(1))', keys: ['permitted'], cell: i => yesNo(i.permitted) }],
    'clause': [{ header: 'Satisfies', keys: ['clause'], cell: i => typeof i.clause === 'string' ? i.clause : 'none (a supporting clause)' }],
    'results-disclosure': [{ header: 'Meets §3(3)(b)', keys: ['disclosed'], cell: i => yesNo(i.disclosed) }],
    'coordination-body': [{ header: 'Role', keys: ['role'], cell: i => ROLES[String(i.role)] ?? String(i.role) }],
    'lifecycle-status': [{ header: 'Order', keys: ['rank'], cell: i => String(Number(i.rank) + 1) }]
};

function escapeCell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: string[]): string {
    return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function table(headers: string[], rows: string[][]): string {
    return [row(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

function renderTerms(vocabulary: Vocabulary): string {
    const terms = Object.entries(vocabulary.terms) as [string, TermInfo & Record<string, unknown>][];
    const columns = [...(COLUMNS[vocabulary.id] ?? [])];
    const shown = new Set(['description', ...columns.flatMap(c => c.keys)]);
    const others = [...new Set(terms.flatMap(([, info]) => Object.keys(info)))].filter(k => !shown.has(k)).sort();
    columns.push(...others.map(key => ({ header: key, keys: [key], cell: (i: Record<string, unknown>) => i[key] === undefined ? '' : String(i[key]) })));
    const aliases = Object.entries(vocabulary.aliases ?? {});
    const suggested = (term: string) => aliases.filter(([, t]) => t === term).map(([alias]) => `\`${alias}\``).join(', ');
    return table(
        ['Term', 'Meaning', ...columns.map(c => c.header), 'Suggested for'],
        terms.map(([term, info]) => [`\`${term}\``, info.description, ...columns.map(c => c.cell(info)), suggested(term)])
    );
}

function renderProperties(specs: readonly PropertySpec[]): string {
    return table(
        ['Property', 'Takes', 'Required', 'Repeats', 'Example'],
        specs.map(spec => [
            spec.keyword ? `\`${spec.keyword}\`` : `${spec.label} (no keyword)`,
            spec.takes,
            spec.required ? 'required' : 'optional',
            spec.repeatable ? 'may repeat' : 'once',
            `\`${spec.example}\``
        ])
    );
}

function renderCurrencies(data: LanguageReferenceData['currencies'], vocabulary: Vocabulary | undefined): string {
    const byLetter = new Map<string, string[]>();
    for (const { code } of [...data.currencies].sort((a, b) => (a.code < b.code ? -1 : 1))) {
        byLetter.set(code[0], [...(byLetter.get(code[0]) ?? []), code]);
    }
    const aliases = Object.entries(vocabulary?.aliases ?? {}).map(([alias, code]) => `\`${alias}\` → \`${code}\``);
    return [
        `${data.currencies.length} codes (${data.edition}, retrieved ${data.retrieved}):`,
        '',
        table(['Letter', 'Codes'], [...byLetter].map(([letter, codes]) => [letter, codes.join(' ')])),
        ...(aliases.length > 0 ? ['', `Suggested when written instead of a code (still errors): ${aliases.join(', ')}.`] : [])
    ].join('\n');
}

function renderPeaceOperations(data: PeaceOperationsData): string {
    const kind = (k: string) => k === 'peacekeeping' ? 'peacekeeping operation' : 'special political mission';
    const operations = table(
        ['Operation', 'Name', 'Kind', 'Where', 'Established', 'Ended', 'Resolutions', 'Note', 'To verify'],
        data.operations.map(o => [
            `\`${o.id}\``, o.name, kind(o.kind), o.countries.join(', '),
            o.established, o.ended ?? 'running', o.resolutions.join('; '), o.note ?? '', o.verify ?? ''
        ])
    );
    const nonUn = (data.nonUnExamples ?? []).map(e => `- ${e.name}: led by ${e.lead}, authorised by ${e.authorisedBy}. ${e.note}.`);
    return [
        `${data.operations.length} operations, as of ${data.meta.asOf} (retrieved ${data.meta.retrieved}).`,
        '',
        operations,
        ...(nonUn.length > 0 ? ['', 'Operations the data records as outside the UN (write them `operation "…" led-by …`):', '', ...nonUn] : [])
    ].join('\n');
}

function renderExceptions(rules: LanguageReferenceData['rules']): string {
    const severity = (s: string) => s === 'info' ? 'information' : s;
    return table(
        ['Rule', 'Name', 'Default severity', 'With a justified exception'],
        rules.filter(r => r.exceptionSeverity).map(r => [`[${r.id}](rules/${r.id}.md)`, `\`${r.name}\``, r.severity, severity(r.exceptionSeverity!)])
    );
}

/** The id of every generated section the page must have, in no particular order. */
export function generatedSectionIds(data: LanguageReferenceData): string[] {
    return [
        ...Object.keys(data.vocabularies).filter(id => id !== 'currency').map(id => `terms:${id}`),
        'currencies',
        ...Object.keys(data.properties).map(type => `properties:${type}`),
        'peace-operations',
        'exceptions'
    ];
}

/** The rendering of one generated section; undefined for an id that no longer exists. */
export function renderSection(id: string, data: LanguageReferenceData): string | undefined {
    const [kind, name] = id.split(':');
    switch (kind) {
        case 'terms':
            return name !== 'currency' && Object.hasOwn(data.vocabularies, name) ? renderTerms(data.vocabularies[name]) : undefined;
        case 'properties':
            return Object.hasOwn(data.properties, name) ? renderProperties(data.properties[name]) : undefined;
        case 'currencies':
            return renderCurrencies(data.currencies, data.vocabularies.currency);
        case 'peace-operations':
            return renderPeaceOperations(data.peaceOperations);
        case 'exceptions':
            return renderExceptions(data.rules);
        default:
            return undefined;
    }
}

// ---- the page --------------------------------------------------------------------------------------

const SECTION = /(<!-- generated:([\w:-]+) -->\n)([\s\S]*?)(<!-- \/generated -->)/g;

interface Section {
    id: string;
    content: string;
}

function sectionsOf(page: string): Section[] {
    return [...page.replace(/\r\n/g, '\n').matchAll(SECTION)].map(m => ({ id: m[2], content: m[3] }));
}

/** The page with every generated section replaced by its current rendering (sections it lacks are not added). */
export function updateLanguageReference(page: string, data: LanguageReferenceData): string {
    return page.replace(/\r\n/g, '\n').replace(SECTION, (whole, open: string, id: string, _content: string, close: string) => {
        const rendered = renderSection(id, data);
        return rendered === undefined ? whole : `${open}${rendered}\n${close}`;
    });
}

/**
 * What is out of step between the page and the language, one sentence each; empty when the page is current.
 */
export function languageReferenceProblems(page: string, data: LanguageReferenceData): string[] {
    const problems: string[] = [];
    const sections = sectionsOf(page);
    const opened = (page.match(/<!-- generated:/g) ?? []).length;
    if (opened !== sections.length) {
        problems.push(`${opened - sections.length} generated section(s) have no closing \`<!-- /generated -->\``);
    }
    const present = new Set<string>();
    for (const { id, content } of sections) {
        if (present.has(id)) {
            problems.push(`the section ${id} appears twice`);
        }
        present.add(id);
        const rendered = renderSection(id, data);
        if (rendered === undefined) {
            problems.push(`the section ${id} documents something the language no longer has: remove it`);
        } else if (content !== `${rendered}\n`) {
            const missing = missingLines(content, rendered);
            problems.push(`the section ${id} is out of date (run \`npm run docs:language\`)${missing.length > 0 ? `; it lacks:\n  ${missing.join('\n  ')}` : ''}`);
        }
    }
    for (const id of generatedSectionIds(data)) {
        if (!present.has(id)) {
            problems.push(`no section documents ${id}: add \`<!-- generated:${id} -->\` and \`<!-- /generated -->\` where it belongs, with prose around it, and run \`npm run docs:language\``);
        }
    }
    // Hand-written text only: a table row generated from the data proves nothing about the explanation.
    const prose = page.replace(/\r\n/g, '\n').replace(SECTION, '');
    for (const keyword of data.keywords) {
        if (!prose.includes(`\`${keyword}\``)) {
            problems.push(`the keyword \`${keyword}\` is not explained (mention it as \`${keyword}\` outside the generated tables)`);
        }
    }
    for (const rule of data.rules) {
        if (!new RegExp(`\\b${rule.id}\\b`).test(prose)) {
            problems.push(`no construct says it feeds ${rule.id}`);
        }
    }
    return problems;
}

/** Lines of the rendering the page's section lacks (for a readable message). */
function missingLines(content: string, rendered: string): string[] {
    const have = new Set(content.split('\n'));
    return rendered.split('\n').filter(line => !have.has(line)).slice(0, 5);
}
