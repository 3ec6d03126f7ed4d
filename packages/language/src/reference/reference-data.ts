import type {
    Country, DacEdition, DacGraduation, DacRecipient, DatedDesignation, Embargo, EmbargoScope, PeaceOperation, ReferenceDataSet
} from './types.js';
import { editDistance } from '../util/text.js';
import { dataEditions } from './editions.js';
import { compareCodePoints } from '../util/order.js';

/** The first and last day of Japanese fiscal year `fy` (April to March). */
export function fiscalYearPeriod(fy: number): { start: string; end: string } {
    return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/** Inclusive overlap of two date ranges given as ISO strings; `null` ends are open. */
function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string): boolean {
    return aStart <= bEnd && (aEnd === null || aEnd >= bStart);
}

export interface DacResolution {
    /** The edition whose membership was used. */
    edition: DacEdition;
    /** False when no edition is in force on the date and the nearest one stands in for it. */
    covered: boolean;
    /** Confirmed graduations after the edition's start and on or before the date, applied to it. */
    appliedGraduations: DacGraduation[];
    members: ReadonlyMap<string, DacRecipient>;
}

export interface DacStatus extends DacResolution {
    listed: boolean;
    recipient?: DacRecipient;
    /** Set when the country would be on the edition but graduated before the date. */
    graduatedBy?: DacGraduation;
}

/** Embargo scopes that bind the recipient government's own forces. */
export const GOVERNMENT_SCOPES: ReadonlySet<EmbargoScope> = new Set([
    'government_and_all', 'government_with_exemptions', 'regional_all_parties'
]);

export interface DatasetCoverage {
    dataset: string;
    covered: boolean;
    /** Human-readable description of what was used instead. */
    detail: string;
    /** The same facts, for messages rendered in any locale (rules/reference-data.ts). */
    used: { kind: 'dac-edition'; edition: string; from: string; to: string; graduations: string[] } | { kind: 'as-of'; asOf: string };
    /** Which dataset, as a stable key. */
    key: 'dac-list' | 'embargoes' | 'in-combat';
}

/**
 * Read-only queries over the reference datasets. Rules, hovers and the CLI all ask this service, so a
 * user who substitutes the data (tests, a newer DAC list) changes every consumer at once.
 */
export class ReferenceData {
    private readonly countriesByCode: ReadonlyMap<string, Country>;
    private readonly dacEditions: DacEdition[];
    private readonly resolutionCache = new Map<string, DacResolution>();

    constructor(readonly data: ReferenceDataSet) {
        this.countriesByCode = new Map(data.countries.countries.map(c => [c.alpha3, c]));
        this.dacEditions = [...data.dacList.editions].sort((a, b) => compareCodePoints(a.effectiveFrom, b.effectiveFrom));
        if (this.dacEditions.length === 0) {
            throw new Error('Reference data has no DAC list edition.');
        }
    }

    country(alpha3: string): Country | undefined {
        return this.countriesByCode.get(alpha3);
    }

    allCountries(): readonly Country[] {
        return this.data.countries.countries;
    }

    /** Likely intended countries for an unknown code: case slips, alpha-2 codes, names, one-letter typos. */
    suggestCountries(code: string, max = 3): Country[] {
        const upper = code.toUpperCase();
        const exact = this.countriesByCode.get(upper)
            ?? this.allCountries().find(c => c.alpha2 === upper || c.name.toUpperCase() === upper);
        if (exact) {
            return [exact];
        }
        return this.allCountries()
            .map(c => ({ c, d: editDistance(upper, c.alpha3) }))
            .filter(x => x.d <= 1)
            .sort((a, b) => a.d - b.d || compareCodePoints(a.c.alpha3, b.c.alpha3))
            .slice(0, max)
            .map(x => x.c);
    }

    /** The DAC list in force on `date` (the nearest edition when none covers it), with graduations applied. */
    dacListOn(date: string): DacResolution {
        const cached = this.resolutionCache.get(date);
        if (cached) {
            return cached;
        }
        let edition = this.dacEditions.find(e => e.effectiveFrom <= date && date <= e.effectiveTo);
        const covered = edition !== undefined;
        if (!edition) {
            edition = date < this.dacEditions[0].effectiveFrom ? this.dacEditions[0] : this.dacEditions[this.dacEditions.length - 1];
        }
        const appliedGraduations = this.data.dacList.graduations.filter(g =>
            g.status === 'confirmed' && g.effective !== null && g.effective > edition.effectiveFrom && g.effective <= date);
        const members = new Map(edition.recipients.map(r => [r.iso3, r]));
        for (const g of appliedGraduations) {
            members.delete(g.iso3);
        }
        const resolution: DacResolution = { edition, covered, appliedGraduations, members };
        this.resolutionCache.set(date, resolution);
        return resolution;
    }

    dacStatus(iso3: string, date: string): DacStatus {
        const resolution = this.dacListOn(date);
        const recipient = resolution.members.get(iso3);
        const graduatedBy = resolution.appliedGraduations.find(g => g.iso3 === iso3);
        return { ...resolution, listed: recipient !== undefined, recipient, graduatedBy };
    }

    /** Confirmed graduations of `iso3` that take effect after `start` and on or before `end`. */
    graduationsWithin(iso3: string, start: string, end: string): DacGraduation[] {
        return this.data.dacList.graduations.filter(g =>
            g.iso3 === iso3 && g.status === 'confirmed' && g.effective !== null && g.effective > start && g.effective <= end);
    }

    /** Every graduation record of a country, whatever its status (for explanations and hovers). */
    graduationRecords(iso3: string): DacGraduation[] {
        return this.data.dacList.graduations.filter(g => g.iso3 === iso3);
    }

    /**
     * Embargoes on `iso3` overlapping the period. An annually renewed regime whose renewal the data did
     * not check is presumed still in force after its recorded expiry: a policy tool errs towards caution.
     */
    embargoesDuring(iso3: string, start: string, end: string): Embargo[] {
        return this.data.embargoes.embargoes.filter(e =>
            e.iso3 === iso3 && overlaps(e.from, e.renewalChecked ? e.until : null, start, end));
    }

    conflictPartyDuring(iso3: string, start: string, end: string): DatedDesignation[] {
        return this.data.conflictParties.entries.filter(e => e.iso3 === iso3 && overlaps(e.from, e.until, start, end));
    }

    inCombatDuring(iso3: string, start: string, end: string): DatedDesignation[] {
        return this.data.inCombat.entries.filter(e => e.iso3 === iso3 && overlaps(e.from, e.until, start, end));
    }

    /** A UN peace operation by its acronym (exact, as the UN writes it). */
    peaceOperation(id: string): PeaceOperation | undefined {
        return this.data.peaceOperations.operations.find(o => o.id === id);
    }

    /** UN operations a writer may have meant: case slips, near spellings, or words of the full name. */
    suggestPeaceOperations(written: string, max = 3): PeaceOperation[] {
        const upper = written.toUpperCase();
        return this.data.peaceOperations.operations
            .map(o => ({ o, d: o.id.toUpperCase() === upper ? 0 : o.name.toUpperCase() === upper ? 0 : editDistance(upper, o.id.toUpperCase()) }))
            .filter(x => x.d <= Math.max(1, Math.floor(x.o.id.length / 3)))
            .sort((a, b) => a.d - b.d || (a.o.id < b.o.id ? -1 : 1))
            .slice(0, max)
            .map(x => x.o);
    }

    /** Which datasets do not reach the given date (1 April of the programme's fiscal year). */
    coverageOn(date: string): DatasetCoverage[] {
        const dac = this.dacListOn(date);
        const graduations = dac.appliedGraduations.map(g => `${g.iso3} ${g.effective}`);
        const result: DatasetCoverage[] = [{
            key: 'dac-list',
            dataset: 'DAC List of ODA Recipients',
            covered: dac.covered,
            detail: `the ${dac.edition.id} edition, in force ${dac.edition.effectiveFrom} to ${dac.edition.effectiveTo}`
                + (dac.appliedGraduations.length > 0
                    ? ` with later graduations applied (${dac.appliedGraduations.map(g => `${g.iso3} ${g.effective}`).join(', ')})`
                    : ''),
            used: { kind: 'dac-edition', edition: dac.edition.id, from: dac.edition.effectiveFrom, to: dac.edition.effectiveTo, graduations }
        }];
        for (const [dataset, asOf, key] of [
            ['UN arms embargo data', this.data.embargoes.meta.asOf, 'embargoes'],
            ['in-combat judgements', this.data.inCombat.meta.asOf, 'in-combat']
        ] as const) {
            if (asOf) {
                result.push({ key, dataset, covered: date <= asOf, detail: `the data as of ${asOf}`, used: { kind: 'as-of', asOf } });
            }
        }
        return result;
    }

    /** Short labels of the editions in use, for `osa --version` and reports. */
    editions(): { dataset: string; edition: string }[] {
        return dataEditions(this.data);
    }
}
