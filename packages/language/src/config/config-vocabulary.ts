/**
 * The `vocabulary` section of osa.config.json: terms a workspace adds to the item categories and activities, each
 * with its full classification. The schema has checked the shape; this checks what a schema cannot say, and says
 * it in the desk's words: a term may not take the name of a built-in term (a built-in term means the same in every
 * workspace, and a conflict-related one can never be made lawful), nor of a keyword, nor be classified against
 * itself (conflict-related yet serving a permitted field).
 */
import { AstUtils, GrammarAST } from 'langium';
import { OsaGrammar } from '../generated/grammar.js';
import {
    lookupTerm, Terms, VOCABULARIES, type ActivityInfo, type AddedTerm, type DefaultField, type ExtensibleVocabularyId, type ItemCategoryInfo,
    type PermittedField, type TermInfo
} from '../vocabulary.js';
import { ConfigError } from './config.js';
import { msg } from '../i18n/message.js';

/** One added term as the file states it. */
interface AddedTermSetting {
    description: string;
    conflictRelated: boolean;
    defenseEquipment?: boolean;
    defaultField?: DefaultField | null;
    field?: PermittedField | null;
}

export type VocabularySettings = Partial<Record<ExtensibleVocabularyId, Record<string, AddedTermSetting>>>;

/** The terms in force in a workspace with this `vocabulary` section; throws ConfigError naming the term. */
export function termsFromConfig(file: string, settings: VocabularySettings | undefined): Terms | undefined {
    if (!settings || (Object.keys(settings['item-category'] ?? {}).length === 0 && Object.keys(settings.activity ?? {}).length === 0)) {
        return undefined;
    }
    const categories = new Map<string, AddedTerm<ItemCategoryInfo>>();
    for (const [name, setting] of Object.entries(settings['item-category'] ?? {})) {
        checkName(file, 'item-category', name, setting);
        const defaultField = setting.defaultField ?? undefined;
        if (setting.conflictRelated && defaultField) {
            throw new ConfigError(file, `vocabulary.item-category.${name}.defaultField`,
                msg('config.vocabulary.conflictCategory'));
        }
        categories.set(name, {
            description: setting.description, conflictRelated: setting.conflictRelated, defenseEquipment: setting.defenseEquipment === true,
            ...(defaultField ? { defaultField } : {}), addedBy: file
        });
    }
    const activities = new Map<string, AddedTerm<ActivityInfo>>();
    for (const [name, setting] of Object.entries(settings.activity ?? {})) {
        checkName(file, 'activity', name, setting);
        const field = setting.field ?? undefined;
        if (setting.conflictRelated && field) {
            throw new ConfigError(file, `vocabulary.activity.${name}.field`,
                msg('config.vocabulary.conflictActivity', { field }));
        }
        activities.set(name, { description: setting.description, conflictRelated: setting.conflictRelated, ...(field ? { field } : {}), addedBy: file });
    }
    return new Terms({ 'item-category': categories, activity: activities });
}

function checkName(file: string, vocabulary: ExtensibleVocabularyId, name: string, setting: AddedTermSetting): void {
    const at = `vocabulary.${vocabulary}.${name}`;
    const { terms, aliases } = VOCABULARIES[vocabulary];
    const label = msg(`language.vocabulary.${vocabulary}`);
    // The schema's pattern already refuses most; this stands on its own should the schema ever be loosened.
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || Object.hasOwn(Object.prototype, name)) {
        throw new ConfigError(file, at, msg('config.vocabulary.badName', { name }));
    }
    const builtIn = lookupTerm(terms as Readonly<Record<string, TermInfo & { conflictRelated?: boolean }>>, name);
    if (builtIn) {
        throw new ConfigError(file, at, msg(builtIn.conflictRelated && !setting.conflictRelated ? 'config.vocabulary.builtInConflict' : 'config.vocabulary.builtIn', { name, vocabulary: label }));
    }
    const aliasOf = aliases && Object.hasOwn(aliases, name) ? aliases[name] : undefined;
    const meant = aliasOf ? lookupTerm(terms as Readonly<Record<string, TermInfo & { conflictRelated?: boolean }>>, aliasOf) : undefined;
    if (meant?.conflictRelated && !setting.conflictRelated) {
        throw new ConfigError(file, at, msg('config.vocabulary.conflictAlias', { name, vocabulary: label, builtIn: aliasOf! }));
    }
    if (grammarKeywords().has(name)) {
        throw new ConfigError(file, at, msg('config.vocabulary.keyword', { name }));
    }
}

let keywords: Set<string> | undefined;

function grammarKeywords(): Set<string> {
    keywords ??= new Set(OsaGrammar().rules.flatMap(rule => AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value).toArray()));
    return keywords;
}
