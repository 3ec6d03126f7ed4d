/**
 * `osa.config.json`: marks a workspace root and may extend the reference data with dated entries
 * (e.g. an in-combat judgement newer than the shipped data). Entries are added to the shipped data,
 * never silently replace it. Later releases add rule settings and ignores to the same file.
 */
import * as fs from 'node:fs';
import type { DatedDesignation, ReferenceDataSet } from '../reference/types.js';

export interface OsaConfig {
    referenceData?: {
        conflictParties?: DatedDesignation[];
        inCombat?: DatedDesignation[];
    };
}

export class ConfigError extends Error {
    constructor(readonly file: string, message: string) {
        super(`${file}: ${message}`);
    }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDesignations(file: string, where: string, value: unknown): DatedDesignation[] {
    if (!Array.isArray(value)) {
        throw new ConfigError(file, `${where} must be an array`);
    }
    value.forEach((entry, i) => {
        const at = `${where}[${i}]`;
        if (typeof entry !== 'object' || entry === null) {
            throw new ConfigError(file, `${at} must be an object`);
        }
        const e = entry as Record<string, unknown>;
        if (typeof e.iso3 !== 'string' || !/^[A-Z]{3}$/.test(e.iso3)) {
            throw new ConfigError(file, `${at}.iso3 must be a three-letter upper-case code`);
        }
        if (typeof e.from !== 'string' || !DATE.test(e.from)) {
            throw new ConfigError(file, `${at}.from must be a date YYYY-MM-DD`);
        }
        if (e.until !== null && e.until !== undefined && (typeof e.until !== 'string' || !DATE.test(e.until))) {
            throw new ConfigError(file, `${at}.until must be a date YYYY-MM-DD or null`);
        }
        if (typeof e.basis !== 'string' || e.basis.trim() === '') {
            throw new ConfigError(file, `${at}.basis must say on what the entry rests`);
        }
        if (!Array.isArray(e.sources) || e.sources.some(s => typeof s !== 'string')) {
            throw new ConfigError(file, `${at}.sources must be an array of strings`);
        }
        e.until ??= null;
    });
    return value as DatedDesignation[];
}

/** Reads and checks a config file; throws ConfigError naming the file and the offending field. */
export function loadConfig(file: string): OsaConfig {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf-8');
    } catch (error) {
        throw new ConfigError(file, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (error) {
        throw new ConfigError(file, `not valid JSON: ${(error as Error).message}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ConfigError(file, 'must contain a JSON object');
    }
    const config = raw as Record<string, unknown>;
    const data = config.referenceData;
    if (data === undefined) {
        return {};
    }
    if (typeof data !== 'object' || data === null) {
        throw new ConfigError(file, 'referenceData must be an object');
    }
    const d = data as Record<string, unknown>;
    for (const key of Object.keys(d)) {
        if (!['conflictParties', 'inCombat'].includes(key)) {
            throw new ConfigError(file, `referenceData.${key} is not a known dataset (conflictParties, inCombat)`);
        }
    }
    return {
        referenceData: {
            conflictParties: d.conflictParties === undefined ? undefined : checkDesignations(file, 'referenceData.conflictParties', d.conflictParties),
            inCombat: d.inCombat === undefined ? undefined : checkDesignations(file, 'referenceData.inCombat', d.inCombat)
        }
    };
}

/** The shipped data with the config's entries added. */
export function extendReferenceData(base: ReferenceDataSet, config: OsaConfig): ReferenceDataSet {
    const extra = config.referenceData;
    if (!extra) {
        return base;
    }
    return {
        ...base,
        conflictParties: { ...base.conflictParties, entries: [...base.conflictParties.entries, ...(extra.conflictParties ?? [])] },
        inCombat: { ...base.inCombat, entries: [...base.inCombat.entries, ...(extra.inCombat ?? [])] }
    };
}
