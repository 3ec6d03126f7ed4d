/**
 * Shapes of the reference datasets in ./data. Every dataset keeps its sources and retrieval date so a
 * finding can say where its facts come from. Dates are ISO `YYYY-MM-DD` strings.
 */

export interface DatasetMeta {
    title: string;
    sources: string[];
    retrieved: string;
    note?: string;
}

export interface Country {
    alpha3: string;
    alpha2: string;
    name: string;
}

export interface CountriesData {
    meta: DatasetMeta & { standard: string };
    countries: Country[];
}

export type DacCategory = 'LDC' | 'OtherLIC' | 'LMIC' | 'UMIC';

export interface DacRecipient {
    iso3: string;
    name: string;
    category: DacCategory;
    note?: string;
}

export interface DacEdition {
    id: string;
    title: string;
    effectiveFrom: string;
    effectiveTo: string;
    adopted: string;
    sources: string[];
    howObtained?: string;
    recipients: DacRecipient[];
}

export interface DacGraduation {
    iso3: string;
    /** The date the country leaves the list; null when it never took effect or is not yet dated. */
    effective: string | null;
    status: 'confirmed' | 'pending' | 'expected' | 'reverted';
    review: string;
    note?: string;
    sources: string[];
}

export interface DacListData {
    meta: DatasetMeta & { rule: string };
    editions: DacEdition[];
    graduations: DacGraduation[];
}

export type EmbargoScope =
    | 'government_and_all'
    | 'government_with_exemptions'
    | 'regional_all_parties'
    | 'non_state_only'
    | 'targeted_non_state';

export interface Embargo {
    id: string;
    target: string;
    iso3: string | null;
    scope: EmbargoScope;
    from: string;
    /** Recorded expiry of an annually renewed regime; null when open-ended. */
    until: string | null;
    renewalChecked: boolean;
    resolutions: string[];
    description: string;
    sources: string[];
    note?: string;
}

export interface EmbargoData {
    meta: DatasetMeta & { asOf: string; scopes: Record<EmbargoScope, string> };
    embargoes: Embargo[];
}

/** A dated designation: "party to a conflict" (Three Principles) or "currently in combat". */
export interface DatedDesignation {
    iso3: string;
    from: string;
    until: string | null;
    basis: string;
    sources: string[];
}

export interface DesignationData {
    meta: DatasetMeta & { definition: string; asOf?: string };
    entries: DatedDesignation[];
}

export interface PeaceOperation {
    /** The UN's acronym, as programmes name it (`operation UNMISS`). */
    id: string;
    name: string;
    kind: 'peacekeeping' | 'special-political-mission';
    /** Where it works (ISO 3166-1 alpha-3; XKX for Kosovo). */
    countries: string[];
    established: string;
    /** Null while it runs. */
    ended: string | null;
    resolutions: string[];
    /** What a maintainer must re-check against the sources before relying on the row. */
    verify?: string;
    note?: string;
}

export interface PeaceOperationsData {
    meta: DatasetMeta & { asOf: string; definition: string };
    operations: PeaceOperation[];
    nonUnExamples?: { name: string; lead: string; authorisedBy: string; note: string }[];
}

/** Everything the rules read; injected as a service so tests and users can substitute it. */
export interface ReferenceDataSet {
    countries: CountriesData;
    dacList: DacListData;
    embargoes: EmbargoData;
    conflictParties: DesignationData;
    inCombat: DesignationData;
    peaceOperations: PeaceOperationsData;
}
