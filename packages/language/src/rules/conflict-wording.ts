/**
 * OSA205 (§2(2)): free text that describes fighting. Words are matched after normalising case, Unicode width,
 * hyphens, spaces and inflection, so "counter-offensive", "counteroffensive", "Counter Offensive" and
 * "offensives" are all found; a phrase that negates the word ("non-lethal") or uses "combat" as a verb against a
 * §2(2)(a) threat ("to combat piracy") is not. Japanese, written without spaces, is matched by substring on a
 * list of its own (攻撃, 武器, 弾薬 …), with 非 before a word read as its negation (非殺傷 = non-lethal). Facts another rule reports (a conflict-related category → OSA203,
 * arming after delivery → OSA305) are not reported again through the words that describe them.
 */
import type { AstNode } from 'langium';
import type { Programme } from '../generated/ast.js';
import {
    activityInfoOf, descriptionOf, isArmedAfterDelivery, itemCategoryInfoOf, itemDetailOf, titleOf
} from '../model/facts.js';
import { firstValue } from '../model/values.js';
import type { Terms } from '../vocabulary.js';
import { msg } from '../i18n/message.js';
import { JAPANESE_SCRIPT } from '../i18n/script.js';
import { programmeRule } from './rule.js';

/** A conflict word: its base form, the forms it takes, and whether it describes arming (OSA305's fact). */
interface ConflictWord {
    base: string;
    forms: ReadonlySet<string>;
    arming: boolean;
}

function word(base: string, extra: string[] = [], arming = false): ConflictWord {
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    return { base, forms: new Set([base, `${base}s`, `${base}es`, `${stem}ed`, `${stem}ing`, ...extra]), arming };
}

const CONFLICT_WORDS: readonly ConflictWord[] = [
    word('combat', ['combatant', 'combatants']),
    word('lethal', ['lethality']),
    word('offensive'),
    word('strike', ['struck']),
    word('weapon', ['weaponry', 'weaponise', 'weaponised', 'weaponize', 'weaponized'], true),
    word('armament', [], true),
    word('ammunition', ['munition', 'munitions'], true),
    word('missile', [], true),
    word('warfighting'),
    word('attack'),
    word('kill', ['killer']),
    word('firepower', [], true),
    word('battle', ['battlefield']),
    word('gun', ['gunfire', 'gunned', 'gunner', 'gunners'], true),
    word('rifle', [], true),
    word('firearm', [], true),
    word('cannon', [], true),
    word('grenade', [], true),
    word('torpedo', ['torpedoes'], true),
    word('bomb', ['bomber', 'bombers', 'bombing'], true),
    word('mortar', [], true),
    word('howitzer', [], true),
    word('artillery', [], true),
    word('warhead', [], true)
];

/**
 * Japanese conflict words. Japanese has no spaces between words, so these are found as substrings: each is a
 * compound specific enough not to occur inside an innocent word (砲 alone would match 砲台 and 鉄砲水, so the kinds
 * of gun are listed instead).
 */
const JAPANESE_WORDS: readonly { base: string; arming: boolean }[] = [
    ...['戦闘', '攻撃', '攻勢', '殺傷', '反撃', '戦場', '交戦'].map(base => ({ base, arming: false })),
    ...['武器', '兵器', '武装', '弾薬', 'ミサイル', '魚雷', '爆弾', '手榴弾', '弾頭', '火器', '銃器', '小銃', '機関銃', '拳銃',
        '機関砲', '火砲', '大砲', '迫撃砲', '榴弾砲'].map(base => ({ base, arming: true }))
];
/** A Japanese conflict word right after 非 ("non-") is negated: 非殺傷, 非武装. */
const JAPANESE_NEGATION = '非';

const BY_FORM = new Map<string, ConflictWord>();
for (const entry of CONFLICT_WORDS) {
    for (const form of entry.forms) {
        BY_FORM.set(form, entry);
    }
}

/** Prefixes that make a compound still about fighting ("counteroffensive", "anti-ship missile" is caught by "missile"). */
const COMPOUND_PREFIXES = ['counter', 'anti'];
/** Words that negate the conflict word right after them. */
const NEGATIONS = new Set(['non', 'not', 'no', 'without', 'un']);
/** "combat" as a verb against the threats of §2(2)(a) is the permitted field's own wording. */
const COMBATED_THREATS = new Set(['piracy', 'terrorism', 'terrorist', 'smuggling', 'trafficking', 'crime', 'crimes', 'illegal', 'iuu', 'transnational', 'organised', 'organized', 'poaching', 'drug', 'drugs', 'narcotics', 'fishing']);

export interface WordingMatch {
    /** The words as written, e.g. "counter-offensive". */
    written: string;
    base: string;
    arming: boolean;
}

/** Normalised words with where they start in the text. */
function words(text: string): { word: string; start: number; end: number }[] {
    const normal = text.normalize('NFKC').toLowerCase();
    const result: { word: string; start: number; end: number }[] = [];
    for (const match of normal.matchAll(/\p{L}+/gu)) {
        result.push({ word: match[0], start: match.index, end: match.index + match[0].length });
    }
    return result;
}

function lookup(form: string): ConflictWord | undefined {
    const direct = BY_FORM.get(form);
    if (direct) {
        return direct;
    }
    for (const prefix of COMPOUND_PREFIXES) {
        if (form.startsWith(prefix) && form.length > prefix.length + 2) {
            const found = BY_FORM.get(form.slice(prefix.length));
            if (found) {
                return found;
            }
        }
    }
    return undefined;
}

/** Start of every conflict word's forms: text with none of them (and only ASCII) has no conflict word. */
const QUICK_TEST = new RegExp(CONFLICT_WORDS.map(w => w.base.slice(0, 3)).join('|'), 'i');

/** Every conflict word in `text`, however it is hyphenated, spaced, cased or inflected. */
export function conflictWordsIn(text: string): WordingMatch[] {
    // Most texts name equipment and places: a cheap test spares them the word-by-word analysis.
    if (!QUICK_TEST.test(text) && !/[^\x00-\x7f]/.test(text)) {
        return [];
    }
    const list = words(text);
    const matches: WordingMatch[] = [];
    for (let i = 0; i < list.length; i++) {
        const current = list[i];
        let entry = lookup(current.word);
        let first = i;
        // "counter offensive", "counter-offensive", "anti missile": the prefix written as a word of its own.
        if (!entry && COMPOUND_PREFIXES.includes(current.word) && i + 1 < list.length) {
            entry = lookup(list[i + 1].word);
            if (entry) {
                i++;
            }
        } else if (entry && i > 0 && COMPOUND_PREFIXES.includes(list[i - 1].word)) {
            first = i - 1;
        }
        if (!entry) {
            continue;
        }
        const before = first > 0 ? list[first - 1].word : undefined;
        if (before && NEGATIONS.has(before)) {
            continue;
        }
        if (entry.base === 'combat' && i + 1 < list.length && COMBATED_THREATS.has(list[i + 1].word)) {
            continue;
        }
        const normal = text.normalize('NFKC');
        matches.push({ written: normal.slice(list[first].start, list[i].end), base: entry.base, arming: entry.arming });
    }
    if (JAPANESE_SCRIPT.test(text)) {
        matches.push(...japaneseConflictWordsIn(text.normalize('NFKC')));
    }
    return matches;
}

function japaneseConflictWordsIn(text: string): WordingMatch[] {
    const matches: WordingMatch[] = [];
    for (const { base, arming } of JAPANESE_WORDS) {
        for (let at = text.indexOf(base); at >= 0; at = text.indexOf(base, at + base.length)) {
            // A listed word inside a longer listed word written there counts once, as the longer word.
            const inLonger = JAPANESE_WORDS.some(other => other.base.length > base.length && other.base.includes(base)
                && text.startsWith(other.base, at - other.base.indexOf(base)));
            if (!inLonger && text[at - 1] !== JAPANESE_NEGATION) {
                matches.push({ written: base, base, arming });
            }
        }
    }
    return matches;
}

interface FreeText {
    node: AstNode;
    property: string;
    text: string;
    /** True for an item to be armed after delivery: OSA305 reports the arming, so arming words are not repeated. */
    armedItem?: boolean;
}

function freeTexts(programme: Programme, terms: Terms): FreeText[] {
    const texts: FreeText[] = [];
    const add = (node: AstNode, property: string, text: string | undefined, armedItem = false) => {
        if (text) {
            texts.push({ node, property, text, armedItem });
        }
    };
    add(programme, 'titles', titleOf(programme));
    add(programme, 'descriptions', descriptionOf(programme));
    for (const field of programme.fields) {
        add(field, 'descriptions', descriptionOf(field));
        for (const activity of field.activities) {
            // A conflict-related activity is OSA203's finding; its description adds nothing.
            if (!activityInfoOf(activity, terms)?.info.conflictRelated) {
                add(activity, 'descriptions', descriptionOf(activity));
            }
        }
        for (const operation of field.operations) {
            const written = firstValue(operation, 'name');
            if (written?.kind === 'text') {
                add(operation, 'name', written.value);
            }
        }
    }
    for (const item of programme.items) {
        // An item whose category is itself conflict-related is reported by OSA203; its wording adds nothing.
        if (itemCategoryInfoOf(item, terms)?.info.conflictRelated) {
            continue;
        }
        const armed = isArmedAfterDelivery(item);
        add(item, 'name', item.name, armed);
        add(item, 'details', itemDetailOf(item), armed);
    }
    return texts;
}

export const conflictWording = programmeRule({
    id: 'OSA205',
    name: 'conflict-wording',
    family: 'fields',
    severity: 'warning',
    clause: '§2(2)',
    summary: 'Free text (title, descriptions, item names and details, operation names) uses conflict-related wording.',
    exceptionSeverity: 'info',
    check(programme, context, report) {
        for (const { node, property, text, armedItem } of freeTexts(programme, context.terms)) {
            const found = conflictWordsIn(text).filter(m => !(armedItem && m.arming));
            if (found.length === 0) {
                continue;
            }
            const quoted = [...new Set(found.map(m => `"${m.written}"`))];
            report({
                node, property, ...(property === 'name' ? {} : { index: 0 }),
                // One word or several as found (a word found twice is quoted once but still counts as "the words").
                message: msg(found.length === 1 ? 'OSA205.word' : 'OSA205.words', { words: quoted }),
                data: { words: found.map(m => m.written), word: found[0].written }
            });
        }
    }
});
