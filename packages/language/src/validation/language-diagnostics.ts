/**
 * What a language finding (code `syntax`) carries for quick fixes, in its diagnostic's `data`. The language
 * checks write it; the editor's code actions read it.
 */
import type { Range } from 'vscode-languageserver-types';

export type LanguageDiagnosticData = LanguageFixData & {
    /** The catalogue id of the finding's message (i18n/), the same in every locale. */
    messageId?: string;
};

type LanguageFixData =
    /** A property that holds one fact was stated again: the fix deletes `remove` (the whole repeated statement). */
    | { kind: 'repeated'; property: string; remove: Range }
    /** A term that is not in its vocabulary: the fix replaces the diagnostic's range with a suggestion. */
    | { kind: 'unknown-term'; vocabulary: string; suggestions: string[] }
    /** A word where a property keyword belongs: the fix replaces it (the diagnostic's range) with a suggestion. */
    | { kind: 'unknown-property'; suggestions: string[] }
    /** A UN operation name not in the shipped list: the fix replaces it with a suggestion. */
    | { kind: 'unknown-operation'; suggestions: string[] }
    /** A value not in the form its property takes; `replacement`, when known, is the corrected text for the range. */
    | { kind: 'malformed-value'; property: string; replacement?: string }
    /**
     * A required property is missing. `example`, when given, is a statement to insert: only where the language
     * allows one compliant value (`modality grant`) or inserts an empty text a person must still write. Facts only
     * a person knows (recipient, fiscal year, beneficiary, category, amount) get no guessed value.
     */
    | { kind: 'missing-property'; property: string; example?: string };

export function languageData(data: LanguageDiagnosticData): LanguageDiagnosticData {
    return data;
}
