/**
 * The generated parts of the language reference, docs/language.md, and of its Japanese edition,
 * docs/ja/language.md: the term tables of every vocabulary, the
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
 * mentions); `npm run docs:language` rewrites the sections of both pages (packages/language/scripts/language-reference.mjs).
 * The Japanese tables have Japanese headings and take their texts through the catalogue (`propertyTakes`,
 * `termDescription`), in English where the catalogue has no Japanese text yet; reference data (operation names and
 * notes, currency editions) stays as the data says it.
 */
import { AstUtils, GrammarAST } from 'langium';
import { OsaGrammar } from '../generated/grammar.js';
import type { Locale } from '../i18n/locale.js';
import { propertyTakes, termDescription } from '../i18n/texts.js';
import { PROPERTIES, type PropertySpec } from '../model/properties.js';
import { DEFAULT_REFERENCE_DATA } from '../reference/default-data.js';
import type { PeaceOperationsData } from '../reference/types.js';
import { ALL_RULES } from '../rules/index.js';
export { LANGUAGE_REFERENCE_PATH, LANGUAGE_REFERENCE_PATHS } from '../rules/docs.js';
import { VOCABULARY_ANCHORS } from '../rules/docs.js';
import { compareCodePoints } from '../util/order.js';
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
    return [...words].sort(compareCodePoints);
}

// ---- rendering ---------------------------------------------------------------------------------------

/** The fixed words of the generated tables, per locale. */
interface Words {
    yes: string;
    no: string;
    none: string;
    yesClause: (clause: string) => string;
    /** Column headers of the term tables, by vocabulary, in the order of the columns in `columnsOf`. */
    columns: Record<string, string[]>;
    asMainItems: string;
    programmesOnlyField: string;
    supportingClause: string;
    roles: Record<string, string>;
    termHeaders: { term: string; meaning: string; suggested: string };
    propertyHeaders: [string, string, string, string, string];
    noKeyword: (label: string) => string;
    required: string;
    optional: string;
    repeats: string;
    once: string;
    currencyCount: (count: number, edition: string, retrieved: string) => string;
    currencyHeaders: [string, string];
    currencyAliases: (aliases: string) => string;
    operationHeaders: string[];
    peacekeeping: string;
    politicalMission: string;
    running: string;
    operationCount: (count: number, asOf: string, retrieved: string) => string;
    nonUnIntro: string;
    nonUn: (name: string, lead: string, authorisedBy: string, note: string) => string;
    exceptionHeaders: [string, string, string, string];
    severity: Record<string, string>;
    /** Link from the page to a rule's page. */
    ruleLink: (id: string) => string;
    listSeparator: string;
}

const WORDS: Readonly<Record<Locale, Words>> = {
    en: {
        yes: 'yes',
        no: 'no',
        none: 'none',
        yesClause: clause => `yes, ${clause}`,
        columns: {
            'beneficiary-kind': ['Eligible (§2(1))'],
            'modality': ['Grant aid (§2(1))'],
            'field': ['Permitted (§2(2))'],
            'activity': ['Belongs to field', 'Conflict-related (§2(2))'],
            'item-category': ['Conflict-related (§2(2))', 'Default field (`serves`)', 'Defense equipment by nature'],
            'purpose': ['Allowed for defense equipment (§3(1))'],
            'clause': ['Satisfies'],
            'results-disclosure': ['Meets §3(3)(b)'],
            'coordination-body': ['Role'],
            'lifecycle-status': ['Order']
        },
        asMainItems: 'as the main items',
        programmesOnlyField: 'the programme\'s only field',
        supportingClause: 'none (a supporting clause)',
        roles: {
            core: 'core body (§4(1))',
            framework: 'other cooperation framework (§4(2))',
            'transfer-scheme': 'defense equipment transfer scheme (§4(3))'
        },
        termHeaders: { term: 'Term', meaning: 'Meaning', suggested: 'Suggested for' },
        propertyHeaders: ['Property', 'Takes', 'Required', 'Repeats', 'Example'],
        noKeyword: label => `${label} (no keyword)`,
        required: 'required',
        optional: 'optional',
        repeats: 'may repeat',
        once: 'once',
        currencyCount: (count, edition, retrieved) => `${count} codes (${edition}, retrieved ${retrieved}):`,
        currencyHeaders: ['Letter', 'Codes'],
        currencyAliases: aliases => `Suggested when written instead of a code (still errors): ${aliases}.`,
        operationHeaders: ['Operation', 'Name', 'Kind', 'Where', 'Established', 'Ended', 'Resolutions', 'Note', 'To verify'],
        peacekeeping: 'peacekeeping operation',
        politicalMission: 'special political mission',
        running: 'running',
        operationCount: (count, asOf, retrieved) => `${count} operations, as of ${asOf} (retrieved ${retrieved}).`,
        nonUnIntro: 'Operations the data records as outside the UN (write them `operation "…" led-by …`):',
        nonUn: (name, lead, authorisedBy, note) => `- ${name}: led by ${lead}, authorised by ${authorisedBy}. ${note}.`,
        exceptionHeaders: ['Rule', 'Name', 'Default severity', 'With a justified exception'],
        severity: { error: 'error', warning: 'warning', info: 'information' },
        ruleLink: id => `rules/${id}.md`,
        listSeparator: ', '
    },
    ja: {
        yes: 'はい',
        no: 'いいえ',
        none: 'なし',
        yesClause: clause => `はい（${clause}）`,
        columns: {
            'beneficiary-kind': ['対象となるか（§2(1)）'],
            'modality': ['無償資金協力か（§2(1)）'],
            'field': ['認められる分野か（§2(2)）'],
            'activity': ['属する分野', '紛争との直接の関連（§2(2)）'],
            'item-category': ['紛争との直接の関連（§2(2)）', '既定の分野（`serves`）', '性質上の防衛装備品'],
            'purpose': ['防衛装備品に認められる用途か（§3(1)）'],
            'clause': ['満たす条件'],
            'results-disclosure': ['§3(3)(b) を満たすか'],
            'coordination-body': ['役割'],
            'lifecycle-status': ['順序']
        },
        asMainItems: '主たる品目と同じ',
        programmesOnlyField: '案件の唯一の分野',
        supportingClause: 'なし（補助的な条項）',
        roles: {
            core: '中核（§4(1)）',
            framework: '他の協力枠組み（§4(2)）',
            'transfer-scheme': '防衛装備移転の枠組み（§4(3)）'
        },
        termHeaders: { term: '語', meaning: '意味', suggested: 'この語を提案する誤記' },
        propertyHeaders: ['項目', '値', '必須', '繰り返し', '例'],
        noKeyword: label => `${label}（キーワードなし）`,
        required: '必須',
        optional: '任意',
        repeats: '複数可',
        once: '1 回',
        currencyCount: (count, edition, retrieved) => `${count} コード（${edition}、${retrieved} 取得）：`,
        currencyHeaders: ['頭文字', 'コード'],
        currencyAliases: aliases => `コードの代わりに書かれたときに提案する語（エラーのままです）：${aliases}。`,
        operationHeaders: ['活動', '名称', '種類', '活動地域', '設立', '終了', '安保理決議', '注記', '要確認'],
        peacekeeping: '平和維持活動',
        politicalMission: '特別政治ミッション',
        running: '継続中',
        operationCount: (count, asOf, retrieved) => `${count} 件（${asOf} 時点、${retrieved} 取得）。`,
        nonUnIntro: 'データが国連外の活動として記録しているもの（`operation "…" led-by …` と書きます）：',
        nonUn: (name, lead, authorisedBy, note) => `- ${name}：主導 ${lead}、授権 ${authorisedBy}。${note}.`,
        exceptionHeaders: ['ルール', '名前', '既定の重大度', '正当化された例外があるとき'],
        severity: { error: 'エラー', warning: '警告', info: '情報' },
        ruleLink: id => `../rules/ja/${id}.md`,
        listSeparator: '、'
    }
};

/** How a classification of a vocabulary's terms is shown: the TermInfo keys a column shows and the cell for one term. */
interface Column {
    header: string;
    /** The TermInfo keys the column shows; keys no column shows get a generic column, so nothing is left out. */
    keys: string[];
    cell: (info: Record<string, unknown>) => string;
}

function columnsOf(vocabulary: string, w: Words): Column[] {
    const yesNo = (value: unknown) => value ? w.yes : w.no;
    const headers = w.columns[vocabulary] ?? [];
    const cells: Record<string, Array<Omit<Column, 'header'>>> = {
        'beneficiary-kind': [{ keys: ['eligible'], cell: i => yesNo(i.eligible) }],
        'modality': [{ keys: ['grant'], cell: i => yesNo(i.grant) }],
        'field': [{ keys: ['permitted', 'clause'], cell: i => i.permitted ? w.yesClause(String(i.clause)) : w.no }],
        'activity': [
            { keys: ['field'], cell: i => i.field ? `\`${i.field}\`` : w.none },
            { keys: ['conflictRelated'], cell: i => yesNo(i.conflictRelated) }
        ],
        'item-category': [
            { keys: ['conflictRelated'], cell: i => yesNo(i.conflictRelated) },
            {
                keys: ['defaultField'],
                cell: i => i.defaultField === 'as-main-items' ? w.asMainItems : i.defaultField === 'programme-field' ? w.programmesOnlyField
                    : i.defaultField ? `\`${i.defaultField}\`` : w.none
            },
            { keys: ['defenseEquipment'], cell: i => yesNo(i.defenseEquipment) }
        ],
        'purpose': [{ keys: ['permitted'], cell: i => yesNo(i.permitted) }],
        'clause': [{ keys: ['clause'], cell: i => typeof i.clause === 'string' ? i.clause : w.supportingClause }],
        'results-disclosure': [{ keys: ['disclosed'], cell: i => yesNo(i.disclosed) }],
        'coordination-body': [{ keys: ['role'], cell: i => w.roles[String(i.role)] ?? String(i.role) }],
        'lifecycle-status': [{ keys: ['rank'], cell: i => String(Number(i.rank) + 1) }]
    };
    return (cells[vocabulary] ?? []).map((column, index) => ({ header: headers[index], ...column }));
}

function escapeCell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: string[]): string {
    return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function table(headers: string[], rows: string[][]): string {
    return [row(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

function renderTerms(vocabulary: Vocabulary, w: Words, locale: Locale): string {
    const terms = Object.entries(vocabulary.terms) as [string, TermInfo & Record<string, unknown>][];
    const columns = columnsOf(vocabulary.id, w);
    const shown = new Set(['description', ...columns.flatMap(c => c.keys)]);
    const others = [...new Set(terms.flatMap(([, info]) => Object.keys(info)))].filter(k => !shown.has(k)).sort(compareCodePoints);
    columns.push(...others.map(key => ({ header: key, keys: [key], cell: (i: Record<string, unknown>) => i[key] === undefined ? '' : String(i[key]) })));
    const aliases = Object.entries(vocabulary.aliases ?? {});
    const suggested = (term: string) => aliases.filter(([, t]) => t === term).map(([alias]) => `\`${alias}\``).join(', ');
    return table(
        [w.termHeaders.term, w.termHeaders.meaning, ...columns.map(c => c.header), w.termHeaders.suggested],
        terms.map(([term, info]) => [
            `\`${term}\``, termDescription(vocabulary.id, term, info.description, locale), ...columns.map(c => c.cell(info)), suggested(term)
        ])
    );
}

function renderProperties(astType: string, specs: readonly PropertySpec[], w: Words, locale: Locale): string {
    return table(
        w.propertyHeaders,
        specs.map(spec => [
            spec.keyword ? `\`${spec.keyword}\`` : w.noKeyword(spec.label),
            propertyTakes(astType, spec, locale),
            spec.required ? w.required : w.optional,
            spec.repeatable ? w.repeats : w.once,
            `\`${spec.example}\``
        ])
    );
}

function renderCurrencies(data: LanguageReferenceData['currencies'], vocabulary: Vocabulary | undefined, w: Words): string {
    const byLetter = new Map<string, string[]>();
    for (const { code } of [...data.currencies].sort((a, b) => compareCodePoints(a.code, b.code))) {
        byLetter.set(code[0], [...(byLetter.get(code[0]) ?? []), code]);
    }
    const aliases = Object.entries(vocabulary?.aliases ?? {}).map(([alias, code]) => `\`${alias}\` → \`${code}\``);
    return [
        w.currencyCount(data.currencies.length, data.edition, data.retrieved),
        '',
        table(w.currencyHeaders, [...byLetter].map(([letter, codes]) => [letter, codes.join(' ')])),
        ...(aliases.length > 0 ? ['', w.currencyAliases(aliases.join(', '))] : [])
    ].join('\n');
}

function renderPeaceOperations(data: PeaceOperationsData, w: Words): string {
    const kind = (k: string) => k === 'peacekeeping' ? w.peacekeeping : w.politicalMission;
    const operations = table(
        w.operationHeaders,
        data.operations.map(o => [
            `\`${o.id}\``, o.name, kind(o.kind), o.countries.join(', '),
            o.established, o.ended ?? w.running, o.resolutions.join('; '), o.note ?? '', o.verify ?? ''
        ])
    );
    const nonUn = (data.nonUnExamples ?? []).map(e => w.nonUn(e.name, e.lead, e.authorisedBy, e.note));
    return [
        w.operationCount(data.operations.length, data.meta.asOf, data.meta.retrieved),
        '',
        operations,
        ...(nonUn.length > 0 ? ['', w.nonUnIntro, '', ...nonUn] : [])
    ].join('\n');
}

function renderExceptions(rules: LanguageReferenceData['rules'], w: Words): string {
    return table(
        w.exceptionHeaders,
        rules.filter(r => r.exceptionSeverity).map(r => [
            `[${r.id}](${w.ruleLink(r.id)})`, `\`${r.name}\``, w.severity[r.severity] ?? r.severity, w.severity[r.exceptionSeverity!] ?? r.exceptionSeverity!
        ])
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

/** The rendering of one generated section in the page of `locale`; undefined for an id that no longer exists. */
export function renderSection(id: string, data: LanguageReferenceData, locale: Locale = 'en'): string | undefined {
    const [kind, name] = id.split(':');
    const w = WORDS[locale];
    switch (kind) {
        case 'terms':
            return name !== 'currency' && Object.hasOwn(data.vocabularies, name) ? renderTerms(data.vocabularies[name], w, locale) : undefined;
        case 'properties':
            return Object.hasOwn(data.properties, name) ? renderProperties(name, data.properties[name], w, locale) : undefined;
        case 'currencies':
            return renderCurrencies(data.currencies, data.vocabularies.currency, w);
        case 'peace-operations':
            return renderPeaceOperations(data.peaceOperations, w);
        case 'exceptions':
            return renderExceptions(data.rules, w);
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
export function updateLanguageReference(page: string, data: LanguageReferenceData, locale: Locale = 'en'): string {
    return page.replace(/\r\n/g, '\n').replace(SECTION, (whole, open: string, id: string, _content: string, close: string) => {
        const rendered = renderSection(id, data, locale);
        return rendered === undefined ? whole : `${open}${rendered}\n${close}`;
    });
}

/**
 * What is out of step between the page of `locale` and the language, one sentence each; empty when the page is
 * current. The Japanese page is held to the same prose checks (keywords and rule ids are code and stay as they are
 * in Japanese text) and must also keep the English section anchors the tool links to.
 */
export function languageReferenceProblems(page: string, data: LanguageReferenceData, locale: Locale = 'en'): string[] {
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
        const rendered = renderSection(id, data, locale);
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
    if (locale !== 'en') {
        // Headings are translated, so their slugs differ: the anchors the tool links to are kept explicitly.
        for (const anchor of new Set(Object.values(VOCABULARY_ANCHORS))) {
            if (!prose.includes(`<a id="${anchor}"></a>`)) {
                problems.push(`the anchor #${anchor} is missing: put \`<a id="${anchor}"></a>\` before its heading`);
            }
        }
    }
    return problems;
}

/** Lines of the rendering the page's section lacks (for a readable message). */
function missingLines(content: string, rendered: string): string[] {
    const have = new Set(content.split('\n'));
    return rendered.split('\n').filter(line => !have.has(line)).slice(0, 5);
}
