/**
 * Values as written. The grammar lets every property take any value token (see osa.langium); this module
 * tells which token a value was written as and decodes it into what the property takes, or says why it cannot.
 * The language checks report the problems; the accessors in ./programme.ts return only values that decode.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import { msg, type Message } from '../i18n/message.js';

/** How a value was written: a quoted text, a text missing its closing quote, a name, a number or a date. */
export type TokenKind = 'text' | 'unterminated-text' | 'name' | 'number' | 'date';

const TOKEN_KINDS: Record<string, TokenKind> = {
    STRING: 'text', BAD_STRING: 'unterminated-text', ID: 'name', NUMBER: 'number', DATE: 'date'
};

/** What decoding needs of a written value: its text and how it was written. */
export type ValueAsWritten = Pick<WrittenValue, 'value' | 'kind'>;

export interface WrittenValue {
    /** The value after decoding escapes (quotes removed from a text). */
    value: string;
    kind: TokenKind;
    cst: CstNode;
}

const EMPTY: readonly WrittenValue[] = Object.freeze([]);
const written = new WeakMap<AstNode, Map<string, WrittenValue[]>>();
const cstByFeature = new WeakMap<AstNode, Map<string, CstNode[]>>();
/** The assignment feature a grammar element belongs to (null: none); grammar elements are shared, so computed once. */
const FEATURE = Symbol('osa.feature');

/** The assignment feature a CST node's value goes to, or null (keywords, nested nodes' own content). */
export function featureOf(cst: CstNode): string | null {
    const source = cst.grammarSource;
    if (!source) {
        return null;
    }
    // Cached on the grammar element itself (a symbol-keyed field): asked for every token of every file.
    const holder = source as unknown as { [FEATURE]?: string | null };
    let feature = holder[FEATURE];
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature ?? null;
        Object.defineProperty(source, FEATURE, { value: feature, enumerable: false });
    }
    return feature;
}

/**
 * The CST nodes of every property of `node`, by feature, in one walk of its own CST (not its children's):
 * what Langium's findNodesForProperty gives for one feature, for all of them at once.
 */
function cstNodesByFeature(node: AstNode): Map<string, CstNode[]> {
    let byFeature = cstByFeature.get(node);
    if (!byFeature) {
        byFeature = new Map();
        const visit = (composite: CstNode) => {
            if (!isCompositeCstNode(composite)) {
                return;
            }
            for (const child of composite.content) {
                const feature = featureOf(child);
                if (feature !== null) {
                    const list = byFeature!.get(feature);
                    if (list) {
                        list.push(child);
                    } else {
                        byFeature!.set(feature, [child]);
                    }
                } else if (child.astNode === node) {
                    visit(child);
                }
            }
        };
        if (node.$cstNode) {
            visit(node.$cstNode);
        }
        cstByFeature.set(node, byFeature);
    }
    return byFeature;
}

/** Every value written for `feature` of `node`, in source order (several when a property is repeated). */
export function writtenValues(node: AstNode, feature: string): readonly WrittenValue[] {
    const raw = (node as unknown as Record<string, unknown>)[feature];
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
        return EMPTY;
    }
    let byFeature = written.get(node);
    if (!byFeature) {
        byFeature = new Map();
        written.set(node, byFeature);
    }
    let values = byFeature.get(feature);
    if (!values) {
        const list = Array.isArray(raw) ? raw : [raw];
        const cstNodes = cstNodesByFeature(node).get(feature) ?? [];
        values = [];
        for (let index = 0; index < list.length; index++) {
            const value = list[index];
            const cst = cstNodes[index];
            if (typeof value === 'string' && cst) {
                const kind = tokenKind(cst);
                values.push({ value: value.startsWith('"') && kind === 'unterminated-text' ? value.slice(1) : value, kind, cst });
            }
        }
        byFeature.set(feature, values);
    }
    return values;
}

/**
 * A value as the syntax tree holds it, with the token kind guessed from the string alone (no CST): what the
 * rules' lenient reading needs. An unterminated text keeps its opening quote in the tree.
 */
export function asWritten(raw: string, textual: boolean): ValueAsWritten {
    if (raw.startsWith('"')) {
        return { value: raw.slice(1), kind: 'unterminated-text' };
    }
    if (textual) {
        return { value: raw, kind: 'text' };
    }
    const first = raw.charCodeAt(0);
    if (first < 48 || first > 57) {
        return { value: raw, kind: 'name' };
    }
    return { value: raw, kind: /^[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}$/.test(raw) ? 'date' : 'number' };
}

/** The first written value of `feature`, if any. */
export function firstValue(node: AstNode, feature: string): WrittenValue | undefined {
    return writtenValues(node, feature)[0];
}

function tokenKind(cst: CstNode): TokenKind {
    if (isLeafCstNode(cst)) {
        return TOKEN_KINDS[cst.tokenType.name] ?? 'name';
    }
    if (isCompositeCstNode(cst)) {
        for (const child of cst.content) {
            if (!child.hidden) {
                return tokenKind(child);
            }
        }
    }
    return 'name';
}

// ---- decoding ----------------------------------------------------------------------------------

/** A value, or what is wrong with it as a catalogue message (rendered by the language checks in the locale in force). */
export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: Message };

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = <T>(problem: Message): Decoded<T> => ({ ok: false, problem });

/** OSA was established on 5 April 2023 (FY2023); fiscal years before it are typing mistakes. */
export const FIRST_OSA_FISCAL_YEAR = 2023;
export const LAST_PLAUSIBLE_FISCAL_YEAR = 2100;
/** The NSC decision that created OSA: an agreement cannot have been signed under it before this day. */
export const OSA_ESTABLISHED = '2023-04-05';
/**
 * Above this, an amount is a typing mistake, not a grant: the whole FY2026 OSA budget is 18.1 billion yen.
 * It also keeps every accepted amount exact in a JavaScript number (far below 2^53).
 */
export const MAX_PLAUSIBLE_AMOUNT = 10n ** 13n;

/** A Japanese fiscal year in four digits (2025 = April 2025 to March 2026). */
export function decodeFiscalYear(written: ValueAsWritten): Decoded<number> {
    const text = written.value;
    const fy = /^(?:FY|fy)\s*([0-9]{4})$/.exec(text);
    if (written.kind === 'number' && /^[0-9]{4}$/.test(text)) {
        return ok(Number(text));
    }
    return fail(fy ? msg('value.yearAlone', { year: fy[1], text }) : msg('value.notYear', { text }));
}

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export function decodeDate(written: ValueAsWritten): Decoded<string> {
    const text = written.value;
    if (written.kind !== 'date' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) {
        const dmy = /^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$/.exec(text);
        const ymd = /^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$/.exec(text);
        return fail(ymd ? msg('value.notYmd.suggest', { text, suggestion: `${ymd[1]}-${ymd[2].padStart(2, '0')}-${ymd[3].padStart(2, '0')}` })
            : dmy ? msg('value.notYmd.ambiguous', { text }) : msg('value.notYmd', { text }));
    }
    return isCalendarDate(text) ? ok(text) : fail(msg('value.notInCalendar', { text }));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(text: string): boolean {
    if (text.length !== 10 || text[4] !== '-' || text[7] !== '-' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) {
        return false;
    }
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const day = Number(text.slice(8, 10));
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** A whole, positive amount of money written with optional `_` separators; exact (no floating point). */
export function decodeAmountValue(written: ValueAsWritten): Decoded<number> {
    const text = written.value;
    if (written.kind !== 'number') {
        return fail(msg('value.notNumber', { text }));
    }
    if (/[.,]/.test(text)) {
        if (/^[0-9]{1,3}(,[0-9]{3})+$/.test(text)) {
            return fail(msg('value.digitGroups', { suggestion: text.replace(/,/g, '_') }));
        }
        return fail(msg('value.notWholeAmount', { text }));
    }
    if (!/^[0-9]+(_[0-9]+)*$/.test(text)) {
        return fail(msg('value.misplacedSeparators', { text }));
    }
    const exact = BigInt(text.replace(/_/g, ''));
    if (exact <= 0n) {
        return fail(msg('value.amountNotPositive'));
    }
    if (exact > MAX_PLAUSIBLE_AMOUNT) {
        return fail(msg('value.amountTooLarge', { text, limit: MAX_PLAUSIBLE_AMOUNT.toLocaleString('en-US') }));
    }
    return ok(Number(exact));
}

/** A whole number of units (quantities). */
export function decodeQuantity(written: ValueAsWritten): Decoded<number> {
    const text = written.value;
    if (written.kind !== 'number' || !/^[0-9]+(_[0-9]+)*$/.test(text)) {
        return fail(msg('value.notWholeNumber', { text }));
    }
    const exact = BigInt(text.replace(/_/g, ''));
    if (exact <= 0n) {
        return fail(msg('value.quantityNotPositive'));
    }
    if (exact > 1_000_000_000n) {
        return fail(msg('value.quantityTooLarge', { text }));
    }
    return ok(Number(exact));
}

/** A quoted text (a name, title, description, reference). */
export function decodeText(written: ValueAsWritten): Decoded<string> {
    switch (written.kind) {
        case 'text':
            return ok(written.value);
        case 'unterminated-text':
            return fail(msg('value.unterminated'));
        default:
            return fail(msg('value.notQuoted', { text: written.value }));
    }
}

/** A name (a country code, a term, a rule id): letters, digits and hyphens, not quoted. */
export function decodeName(written: ValueAsWritten): Decoded<string> {
    return written.kind === 'name' ? ok(written.value) : fail(msg(written.kind === 'text' ? 'value.quotedName' : 'value.notName', { text: written.value }));
}

/** An exchange rate in yen per unit: a positive decimal with up to six decimals, kept exact as millionths. */
export function decodeRate(written: ValueAsWritten): Decoded<bigint> {
    const match = /^([0-9]+)(?:\.([0-9]{1,6}))?$/.exec(written.value.replace(/_/g, ''));
    if (written.kind !== 'number' || !match) {
        return fail(msg('value.notRate', { text: written.value }));
    }
    const micro = BigInt(match[1]) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
    if (micro === 0n) {
        return fail(msg('value.rateNotPositive'));
    }
    if (micro > 1_000_000n * 1_000_000n) {
        return fail(msg('value.rateTooLarge', { text: written.value }));
    }
    return ok(micro);
}

/** `amount` units at `microRate` (millionths of a yen per unit), in whole yen, rounded half up; exact. */
export function convertToYen(amount: number, microRate: bigint): bigint {
    return (BigInt(amount) * microRate + 500_000n) / 1_000_000n;
}
