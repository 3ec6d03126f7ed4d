/**
 * The TextMate grammar: the committed syntaxes/osa.tmLanguage.json is the generator's output, and it
 * colours what it claims to, tokenized by the same engine VS Code 1.100 uses (vscode-textmate 9.2
 * with the Oniguruma regex engine).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { generateGrammarText, readKeywords, TM_GRAMMAR } from '../scripts/tmgrammar.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);

let grammar: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => scopeName === 'source.osa'
            ? vsctm.parseRawGrammar(fs.readFileSync(TM_GRAMMAR, 'utf-8'), TM_GRAMMAR)
            : null
    });
    grammar = (await registry.loadGrammar('source.osa'))!;
});

/** Tokens of a text as [text, innermost scope] pairs, whitespace-only tokens left out. */
function tokenize(text: string): Array<[string, string]> {
    const tokens: Array<[string, string]> = [];
    let state = vsctm.INITIAL;
    for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            const value = line.slice(token.startIndex, token.endIndex);
            if (value.trim() !== '') {
                tokens.push([value, token.scopes[token.scopes.length - 1]]);
            }
        }
        state = result.ruleStack;
    }
    return tokens;
}

function scopeOf(text: string, word: string): string | undefined {
    return tokenize(text).find(([value]) => value === word)?.[1];
}

describe('the TextMate grammar', () => {
    it('is the output of scripts/tmgrammar.mjs (run `npm run grammar -w packages/extension` after changing osa.langium or vocabulary.ts)', async () => {
        expect(fs.readFileSync(path.join(REPO, 'syntaxes/osa.tmLanguage.json'), 'utf-8')).toBe(await generateGrammarText());
    });

    it('colours numbers with separators, dates, strings and comments', () => {
        expect(scopeOf('amount 1_600_000_000 JPY', '1_600_000_000')).toBe('constant.numeric.integer.osa');
        expect(scopeOf('amount 1_600_000_000 JPY', 'JPY')).toBe('keyword.other.unit.currency.osa');
        expect(scopeOf('provide "Radar" quantity 12', '12')).toBe('constant.numeric.integer.osa');
        expect(scopeOf('agreement uses StandardExchangeOfNotes signed 2025-02-10', '2025-02-10')).toBe('constant.numeric.date.osa');
        expect(scopeOf('period 2025-04-01 to 2026-03-31', '2026-03-31')).toBe('constant.numeric.date.osa');
        expect(tokenize('title "High-speed patrol boats"')).toContainEqual(['High-speed patrol boats', 'string.quoted.double.osa']);
        expect(tokenize('title "a \\"quoted\\" word"')).toContainEqual(['\\"', 'constant.character.escape.osa']);
        expect(tokenize('// a comment')).toContainEqual([' a comment', 'comment.line.double-slash.osa']);
        expect(tokenize('/* a\n block */ programme')).toEqual([
            ['/*', 'punctuation.definition.comment.begin.osa'], [' a', 'comment.block.osa'], [' block ', 'comment.block.osa'],
            ['*/', 'punctuation.definition.comment.end.osa'], ['programme', 'storage.type.declaration.osa']
        ]);
    });

    it('colours the country code after recipient, declarations and references', () => {
        expect(tokenize('recipient PHL')).toEqual([['recipient', 'keyword.other.osa'], ['PHL', 'variable.other.constant.country.osa']]);
        expect(tokenize('programme OSA-FY2024-MNG {')).toEqual([
            ['programme', 'storage.type.declaration.osa'], ['OSA-FY2024-MNG', 'entity.name.type.declaration.osa'], ['{', 'punctuation.section.block.begin.osa']
        ]);
        expect(scopeOf('agreement-template StandardExchangeOfNotes {', 'StandardExchangeOfNotes')).toBe('entity.name.type.declaration.osa');
        expect(scopeOf('funded-by OSA-BUDGET-FY2024', 'OSA-BUDGET-FY2024')).toBe('entity.name.type.reference.osa');
        expect(scopeOf('agreement uses StandardExchangeOfNotes', 'StandardExchangeOfNotes')).toBe('entity.name.type.reference.osa');
    });

    it('colours a UN operation after `operation` and the lead of another after `led-by`', () => {
        expect(tokenize('operation UNMISS')).toEqual([['operation', 'keyword.other.osa'], ['UNMISS', 'variable.other.constant.peace-operation.osa']]);
        const outside = tokenize('operation "ASEAN Monitoring Team" led-by ASEAN');
        expect(outside).toContainEqual(['ASEAN Monitoring Team', 'string.quoted.double.osa']);
        expect(outside).toContainEqual(['led-by', 'keyword.other.osa']);
        expect(outside).toContainEqual(['ASEAN', 'entity.name.organization.osa']);
    });

    it('colours rule ids and clause references in comments and strings, and suppression comments', () => {
        const header = tokenize('// OSA402 missing-information-disclosure-clause (§3(3)(a))');
        expect(header).toContainEqual(['OSA402', 'variable.other.constant.rule-id.osa']);
        expect(header).toContainEqual(['§3(3)(a)', 'markup.underline.clause-reference.osa']);
        expect(tokenize('justification "Reviewed under §3(1) by the NSC"')).toContainEqual(['§3(1)', 'markup.underline.clause-reference.osa']);
        expect(tokenize('exception OSA303 {')).toContainEqual(['OSA303', 'variable.other.constant.rule-id.osa']);
        const suppression = tokenize('// osa-disable-next-line OSA305 -- Retrofit reviewed on 2025-03-10');
        expect(suppression).toContainEqual(['osa-disable-next-line', 'keyword.control.directive.suppression.osa']);
        expect(suppression).toContainEqual(['OSA305', 'variable.other.constant.rule-id.osa']);
        expect(suppression).toContainEqual(['--', 'punctuation.separator.reason.osa']);
        expect(scopeOf('/* osa-disable OSA502 -- in the MOFA file */', 'osa-disable')).toBe('keyword.control.directive.suppression.osa');
    });

    it('colours vocabulary terms by vocabulary, whole words only', () => {
        expect(scopeOf('field rule-of-law { activity maritime-surveillance }', 'rule-of-law')).toBe('variable.other.enummember.field.osa');
        expect(scopeOf('field rule-of-law { activity maritime-surveillance }', 'maritime-surveillance')).toBe('variable.other.enummember.activity.osa');
        expect(scopeOf('category rescue-boat purpose rescue', 'rescue-boat')).toBe('variable.other.enummember.item-category.osa');
        expect(scopeOf('category rescue-boat purpose rescue', 'rescue')).toBe('variable.other.enummember.purpose.osa');
        expect(scopeOf('coordination NSS, MOFA, MOD', 'MOFA')).toBe('variable.other.enummember.coordination-body.osa');
        expect(scopeOf('modality grant', 'grant')).toBe('variable.other.enummember.modality.osa');
        expect(scopeOf('clause monitoring-and-evaluation results disclosed', 'disclosed')).toBe('variable.other.enummember.results-disclosure.osa');
        // A lifecycle stage is a term after `status`, even the stages that are also keywords of the stage dates.
        for (const stage of ['planned', 'decided', 'signed', 'delivered', 'completed']) {
            expect(scopeOf(`status ${stage}`, stage), stage).toBe('variable.other.enummember.lifecycle-status.osa');
        }
        expect(scopeOf('delivered 2026-02-10', 'delivered')).toBe('keyword.other.osa');
        expect(tokenize('continues OSA-FY2024-PHL')).toContainEqual(['OSA-FY2024-PHL', 'entity.name.type.reference.osa']);
        expect(scopeOf('monitoring { visit 2026-09-01 "x" results withheld "y" }', 'visit')).toBe('keyword.other.osa');
        // Terms are names in the grammar: a misspelt one is not coloured as a term.
        expect(scopeOf('category rescue-bot', 'rescue-bot')).toBe('variable.other.osa');
        // A date or a keyword inside an identifier is not coloured on its own.
        expect(tokenize('funded-by PHL-2024-05-01')).toContainEqual(['PHL-2024-05-01', 'entity.name.type.reference.osa']);
        expect(tokenize('my-field-2025-01-01')).toEqual([['my-field-2025-01-01', 'variable.other.osa']]);
    });

    it('gives every keyword of the Langium grammar and every term of vocabulary.ts a scope', async () => {
        const { keywords, vocabularies } = await readKeywords();
        const words = [...keywords, ...vocabularies.flatMap((v: { terms: string[] }) => v.terms)];
        expect(words.length).toBeGreaterThan(100);
        const plain = words.filter(word => {
            const tokens = tokenize(word);
            return tokens.length !== 1 || tokens[0][1] === 'variable.other.osa';
        });
        expect(plain).toEqual([]);
    });

    it('leaves no word of the example programmes unexplained', () => {
        const files: string[] = [];
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) {
                    walk(full);
                } else if (entry.name.endsWith('.osa')) {
                    files.push(full);
                }
            }
        };
        walk(path.join(REPO, 'examples'));
        expect(files.length).toBeGreaterThan(30);
        const plainWords = new Set<string>();
        for (const file of files) {
            for (const [value, scope] of tokenize(fs.readFileSync(file, 'utf-8'))) {
                if (scope === 'variable.other.osa' || scope === 'source.osa') {
                    plainWords.add(value.trim());
                }
            }
        }
        // Only unknown words are left plain: the examples that show OSA105 / syntax errors use some.
        expect([...plainWords].filter(w => !/^[A-Z]{3}$/.test(w))).toEqual([]);
    });
});
