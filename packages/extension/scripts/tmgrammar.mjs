// Generates the TextMate grammar syntaxes/osa.tmLanguage.json from the Langium grammar and the vocabularies.
//
//   node scripts/tmgrammar.mjs           write syntaxes/osa.tmLanguage.json (repository root)
//   node scripts/tmgrammar.mjs --check   exit 1 when the file differs from what would be written
//
// Langium's own TextMate output colours keywords only. This one starts from the same keyword lists
// (parsed out of packages/language/src/osa.langium with Langium's grammar parser) and adds what a
// reader of a programme sheet needs to see: declarations and their names, vocabulary terms per
// vocabulary (the grammar parses terms as plain names: the terms are read from the VOCABULARIES of
// packages/language/src/vocabulary.ts, bundled on the fly with esbuild so that the source is read, never
// a stale build), country codes after `recipient`, UN operations after `operation` and the lead of
// another after `led-by`, amounts with their currency, dates (YYYY-MM-DD),
// numbers with `_` separators (1_600_000_000), rule ids (OSA402), clause references (§3(3)(c)) in
// comments and strings, and suppression comments (`// osa-disable-next-line OSA305 -- reason`).
//
// The output is deterministic. The build (packages/extension `bundle`) runs it again after
// `langium generate`, which writes its keyword-only grammar to the same path; a test checks that the
// committed file is this script's output.

// Langium 4 calls Object.groupBy (Node 21+); npm scripts run on the pinned Node 24, this keeps
// `node scripts/tmgrammar.mjs` working on a Node 20 too.
if (typeof Object.groupBy !== 'function') {
    Object.groupBy = (items, key) => {
        const groups = Object.create(null);
        let i = 0;
        for (const item of items) {
            (groups[key(item, i++)] ??= []).push(item);
        }
        return groups;
    };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const LANGIUM_GRAMMAR = path.join(REPO, 'packages/language/src/osa.langium');
export const VOCABULARY_SOURCE = path.join(REPO, 'packages/language/src/vocabulary.ts');
/** Vocabularies coloured by a pattern of their own; currencies are coloured after `amount` (any three capitals). */
const UNCOLOURED_VOCABULARIES = new Set(['currency']);
export const TM_GRAMMAR = path.join(REPO, 'syntaxes/osa.tmLanguage.json');

/** Words and hyphens make one token in OSA (identifiers like PHL-2024-MDA, terms like rescue-boat). */
const B = '(?<![\\w-])';
const E = '(?![\\w-])';
const IDENT = '[_a-zA-Z][\\w-]*';
const RULE_ID = 'OSA\\d{3}';
const CLAUSE = '§\\s?\\d+(?:\\([0-9a-z]+\\))*';
const SUPPRESSION = 'osa-(?:disable-next-line|disable)';

const escape = word => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, then alphabetical: deterministic, and no prefix shadows a longer term. */
const alternation = words => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(escape).join('|');

/** The language's vocabularies ({ id, terms } in registry order), from the TypeScript source. */
export async function readVocabularies(source = VOCABULARY_SOURCE) {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: [source], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
    const module = { exports: {} };
    new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
    const { VOCABULARIES } = module.exports;
    if (!VOCABULARIES || typeof VOCABULARIES !== 'object') {
        throw new Error(`${source} exports no VOCABULARIES any more: update scripts/tmgrammar.mjs`);
    }
    return Object.values(VOCABULARIES)
        .filter(v => !UNCOLOURED_VOCABULARIES.has(v.id))
        .map(v => ({ id: v.id, terms: Object.keys(v.terms) }));
}

/** Reads the keyword lists out of the Langium grammar, and the vocabularies out of vocabulary.ts. */
export async function readKeywords(grammarFile = LANGIUM_GRAMMAR) {
    const { EmptyFileSystem, GrammarAST, GrammarUtils, AstUtils, URI } = await import('langium');
    const { createLangiumGrammarServices } = await import('langium/grammar');
    const { shared } = createLangiumGrammarServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(grammarFile, 'utf-8'), URI.file(grammarFile));
    const { parserErrors, lexerErrors } = document.parseResult;
    if (parserErrors.length > 0 || lexerErrors.length > 0) {
        throw new Error(`${grammarFile}: ${[...lexerErrors, ...parserErrors].map(e => e.message).join('; ')}`);
    }
    // Linked, so that the data-type check can follow rule calls (Identifier returns string: ID).
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    const grammar = document.parseResult.value;
    const isWord = value => /^[A-Za-z][\w-]*$/.test(value);
    const keywords = new Set();
    /** Keyword → the assignment right after it in a group (`'programme' name=Identifier`). */
    const followedBy = new Map();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        const words = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value).filter(isWord).toArray();
        // Data-type rules (`Value`, the `Keyword` list an unknown statement's block may hold) state no keyword of their own.
        if (GrammarUtils.isDataTypeRule(rule)) {
            continue;
        }
        words.forEach(w => keywords.add(w));
        for (const group of AstUtils.streamAllContents(rule).filter(GrammarAST.isGroup)) {
            group.elements.forEach((element, i) => {
                const next = group.elements[i + 1];
                if (GrammarAST.isKeyword(element) && GrammarAST.isAssignment(next)) {
                    followedBy.set(element.value, {
                        feature: next.feature,
                        crossReference: GrammarAST.isCrossReference(next.terminal),
                        ruleCall: GrammarAST.isRuleCall(next.terminal) ? next.terminal.rule.$refText : undefined
                    });
                }
            });
        }
    }
    const punctuation = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => !isWord(v)));
    return { keywords, vocabularies: await readVocabularies(), followedBy, punctuation };
}

/** Builds the TextMate grammar (a plain object) from the keyword lists. */
export function buildGrammar({ keywords, vocabularies, followedBy, punctuation }) {
    const need = (keyword, what) => {
        if (!keywords.has(keyword)) {
            throw new Error(`the Langium grammar has no '${keyword}' keyword any more (${what}): update scripts/tmgrammar.mjs`);
        }
        return keyword;
    };
    const declarations = [...followedBy].filter(([, a]) => a.feature === 'name' && a.ruleCall === 'Identifier').map(([k]) => k);
    const references = [...followedBy].filter(([, a]) => a.crossReference).map(([k]) => k);
    const recipient = need('recipient', 'country codes');
    const exception = need('exception', 'rule ids');
    const amount = need('amount', 'amounts');
    const operation = need('operation', 'UN operations');
    const ledBy = need('led-by', 'lead organisations');
    const status = need('status', 'lifecycle stages');
    const stages = vocabularies.find(v => v.id === 'lifecycle-status')?.terms ?? [];
    const special = new Set([...declarations, ...references]);
    const plainKeywords = [...keywords].filter(k => !special.has(k));
    // A term listed by two vocabularies (rule-of-law: field and assessment topic) takes the first.
    const seen = new Set(keywords);
    const vocabularyPatterns = [];
    for (const { id, terms } of vocabularies) {
        const own = terms.filter(t => !seen.has(t));
        own.forEach(t => seen.add(t));
        if (own.length > 0) {
            vocabularyPatterns.push({
                comment: `${id} (vocabulary)`,
                name: `variable.other.enummember.${id}.osa`,
                match: `${B}(?:${alternation(own)})${E}`
            });
        }
    }

    const inText = [{ include: '#rule-id' }, { include: '#clause-reference' }];
    return {
        $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
        name: 'OSA',
        scopeName: 'source.osa',
        fileTypes: ['osa'],
        comment: 'Generated by packages/extension/scripts/tmgrammar.mjs from packages/language/src/osa.langium and vocabulary.ts: do not edit by hand.',
        patterns: [
            { include: '#comments' },
            { include: '#strings' },
            { include: '#declarations' },
            { include: '#facts' },
            { include: '#references' },
            { include: '#keywords' },
            { include: '#vocabulary' },
            { include: '#literals' },
            { include: '#rule-id' },
            { include: '#punctuation' },
            { include: '#identifier' }
        ],
        repository: {
            comments: {
                patterns: [
                    {
                        comment: 'A suppression comment: // osa-disable-next-line OSA305 -- reason',
                        name: 'comment.line.double-slash.suppression.osa',
                        begin: `(//)\\s*(${SUPPRESSION})${E}`,
                        beginCaptures: { 1: { name: 'punctuation.definition.comment.osa' }, 2: { name: 'keyword.control.directive.suppression.osa' } },
                        end: '$',
                        patterns: [{ include: '#suppression-reason' }, ...inText]
                    },
                    {
                        name: 'comment.block.suppression.osa',
                        begin: `(/\\*)\\s*(${SUPPRESSION})${E}`,
                        beginCaptures: { 1: { name: 'punctuation.definition.comment.begin.osa' }, 2: { name: 'keyword.control.directive.suppression.osa' } },
                        end: '\\*/',
                        endCaptures: { 0: { name: 'punctuation.definition.comment.end.osa' } },
                        patterns: [{ include: '#suppression-reason' }, ...inText]
                    },
                    {
                        name: 'comment.line.double-slash.osa',
                        begin: '//',
                        beginCaptures: { 0: { name: 'punctuation.definition.comment.osa' } },
                        end: '$',
                        patterns: inText
                    },
                    {
                        name: 'comment.block.osa',
                        begin: '/\\*',
                        beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.osa' } },
                        end: '\\*/',
                        endCaptures: { 0: { name: 'punctuation.definition.comment.end.osa' } },
                        patterns: inText
                    }
                ]
            },
            'suppression-reason': {
                comment: 'The " -- " before the written reason of a suppression.',
                name: 'punctuation.separator.reason.osa',
                match: '(?<=\\s)--(?=\\s|$)'
            },
            strings: {
                name: 'string.quoted.double.osa',
                begin: '"',
                beginCaptures: { 0: { name: 'punctuation.definition.string.begin.osa' } },
                end: '"',
                endCaptures: { 0: { name: 'punctuation.definition.string.end.osa' } },
                patterns: [
                    { name: 'constant.character.escape.osa', match: '\\\\.' },
                    ...inText
                ]
            },
            declarations: {
                comment: 'programme OSA-FY2024-MNG, agreement-template StandardExchangeOfNotes, budget-envelope OSA-BUDGET-FY2024',
                patterns: [
                    {
                        match: `${B}(${alternation(declarations)})\\s+(${IDENT})`,
                        captures: { 1: { name: 'storage.type.declaration.osa' }, 2: { name: 'entity.name.type.declaration.osa' } }
                    },
                    { name: 'storage.type.declaration.osa', match: `${B}(?:${alternation(declarations)})${E}` }
                ]
            },
            facts: {
                patterns: [
                    {
                        comment: 'The recipient country: an ISO 3166-1 alpha-3 code (recipient PHL).',
                        match: `${B}(${recipient})\\s+([A-Z]{3})${E}`,
                        captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'variable.other.constant.country.osa' } }
                    },
                    {
                        comment: 'An amount and its currency (amount 1_600_000_000 JPY).',
                        match: `${B}(${amount})\\s+(\\d[\\d_]*)${E}(?:\\s+([A-Z]{3})${E})?`,
                        captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'constant.numeric.integer.osa' }, 3: { name: 'keyword.other.unit.currency.osa' } }
                    },
                    {
                        comment: 'A UN peace operation by its acronym (operation UNMISS).',
                        match: `${B}(${operation})\\s+([A-Z][A-Z0-9-]*)${E}`,
                        captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'variable.other.constant.peace-operation.osa' } }
                    },
                    {
                        comment: 'The organisation that leads an operation outside the UN (led-by ASEAN).',
                        match: `${B}(${ledBy})\\s+(${IDENT})`,
                        captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'entity.name.organization.osa' } }
                    },
                    {
                        comment: 'A lifecycle stage after `status` (status delivered): decided, signed and delivered are also the keywords of the stage dates.',
                        match: `${B}(${status})\\s+(${alternation(stages)})${E}`,
                        captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'variable.other.enummember.lifecycle-status.osa' } }
                    },
                    {
                        comment: 'A recorded exception to a rule (exception OSA303 { ... }).',
                        match: `${B}(${exception})\\s+(${IDENT})`,
                        captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'variable.other.constant.rule-id.osa' } }
                    }
                ]
            },
            references: {
                comment: 'References to declarations in this or another file (funded-by OSA-BUDGET-FY2024, uses StandardExchangeOfNotes).',
                match: `${B}(${alternation(references)})\\s+(${IDENT})`,
                captures: { 1: { name: 'keyword.other.osa' }, 2: { name: 'entity.name.type.reference.osa' } }
            },
            keywords: {
                patterns: [
                    { name: 'keyword.other.osa', match: `${B}(?:${alternation(plainKeywords)})${E}` },
                    { name: 'keyword.other.osa', match: `${B}(?:${alternation(references)})${E}` }
                ]
            },
            vocabulary: { patterns: vocabularyPatterns },
            literals: {
                patterns: [
                    { comment: 'A date: YYYY-MM-DD.', name: 'constant.numeric.date.osa', match: `${B}\\d{4}-\\d{2}-\\d{2}${E}` },
                    { comment: 'An integer, with optional _ separators: 1_600_000_000.', name: 'constant.numeric.integer.osa', match: `${B}\\d[\\d_]*${E}` }
                ]
            },
            'rule-id': { comment: 'A rule id: OSA402.', name: 'variable.other.constant.rule-id.osa', match: `${B}${RULE_ID}${E}` },
            'clause-reference': {
                comment: 'A clause of the Implementation Guidelines: §3(3)(c).',
                name: 'markup.underline.clause-reference.osa',
                match: CLAUSE
            },
            punctuation: {
                patterns: [
                    ...(punctuation.has('{') ? [{ name: 'punctuation.section.block.begin.osa', match: '\\{' }] : []),
                    ...(punctuation.has('}') ? [{ name: 'punctuation.section.block.end.osa', match: '\\}' }] : []),
                    ...(punctuation.has(',') ? [{ name: 'punctuation.separator.comma.osa', match: ',' }] : [])
                ]
            },
            identifier: {
                comment: 'Any other word (matched whole, so that a date or number inside an identifier is not coloured).',
                name: 'variable.other.osa',
                match: IDENT
            }
        }
    };
}

/** The file's text: 2-space JSON with a final newline. */
export async function generateGrammarText(grammarFile = LANGIUM_GRAMMAR) {
    return JSON.stringify(buildGrammar(await readKeywords(grammarFile)), null, 2) + '\n';
}

/** Writes the grammar if it changed; returns whether it did. */
export async function writeGrammar(target = TM_GRAMMAR) {
    const text = await generateGrammarText();
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf-8') === text) {
        return false;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    if (process.argv.includes('--check')) {
        const text = await generateGrammarText();
        const current = fs.existsSync(TM_GRAMMAR) ? fs.readFileSync(TM_GRAMMAR, 'utf-8') : '';
        if (current !== text) {
            console.error(`${path.relative(REPO, TM_GRAMMAR)} is not the generator's output: run npm run grammar --workspace packages/extension`);
            process.exit(1);
        }
        console.log(`${path.relative(REPO, TM_GRAMMAR)} is up to date`);
    } else {
        const changed = await writeGrammar();
        console.log(`${path.relative(REPO, TM_GRAMMAR)} ${changed ? 'written' : 'unchanged'}`);
    }
}
