/** The formatter contract: every output format renders the same ValidationRun. */
import type { Locale, RuleMeta, ValidationRun } from '@osa-policy/language';

export interface FormatContext {
    /** The tool version, e.g. 0.1.0. */
    version: string;
    /** Paths are shown relative to this folder. */
    cwd: string;
    /** Every rule, for formats that describe the rule set (SARIF driver, JUnit). */
    rules: readonly RuleMeta[];
    /** Colour for terminals; only `stylish` uses it. */
    color: boolean;
    /** The language of the texts around the findings (the findings arrive rendered); default English. */
    locale?: Locale;
}

export type Formatter = (run: ValidationRun, context: FormatContext) => string;
