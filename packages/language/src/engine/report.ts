/**
 * What a validation run reports, independent of output format: the model every formatter (stylish,
 * json, sarif, junit, github) renders. Lines and columns are 1-based.
 */

import type { DocumentRecords } from '../report/records.js';
import type { Message } from '../i18n/message.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Position1 {
    line: number;
    column: number;
}

export interface Range1 {
    start: Position1;
    end: Position1;
}

export interface ReportedDiagnostic {
    /** A rule id (OSA101), or `syntax` for the language's own errors, or `suppression` for misused suppressions. */
    rule: string;
    severity: Severity;
    message: string;
    /** The catalogue id of the message (i18n/), the same in every locale; absent for a text not in the catalogue. */
    messageId?: string;
    /** The guideline clause of a rule; null for `syntax` and `suppression`. */
    clause: string | null;
    range: Range1;
    /** Other places the finding involves (absolute paths), e.g. the template lacking a clause. */
    related?: { path: string; range: Range1; message: string }[];
}

/** A finding silenced by an inline comment, kept for the audit trail. */
export interface SuppressedDiagnostic extends ReportedDiagnostic {
    suppression: {
        kind: 'next-line' | 'file';
        reason: string;
        /** Where the suppressing comment is. */
        range: Range1;
    };
}

export interface FileReport {
    /** Absolute path. */
    path: string;
    /** The file's programmes and envelopes as `osa report` reads them; only when asked for (CheckOptions.records). */
    records?: DocumentRecords;
    /** Findings in position order. */
    diagnostics: ReportedDiagnostic[];
    /** Findings silenced by `osa-disable` comments, in position order. */
    suppressed: SuppressedDiagnostic[];
}

/** A path that could not be validated (missing, unreadable, too large, invalid configuration). */
export interface InputProblem {
    /** Absolute path. */
    path: string;
    /** In the locale of the check (English by default). */
    message: string;
    /** The same as a catalogue message, with its stable id, for output that carries ids or renders elsewhere. */
    text?: Message;
}

/** Everything one `osa validate` run found, files sorted by path. */
export interface ValidationRun {
    reports: FileReport[];
    problems: InputProblem[];
}
