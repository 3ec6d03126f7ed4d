/** Shared by the CLI and LSP tests of workspace terms: a lawful programme sheet to put items and fields in. */

/** A Fijian programme with every fact the guidelines ask for, except the given fields and items. */
export function fijiSheet(fields: string, items: string): string {
    return `programme OSA-FY2025-FJI {
    title "Diving support vessel for the Republic of Fiji Navy"
    fiscal-year 2025
    recipient FJI
    beneficiary "Republic of Fiji Navy" kind armed-forces
    modality grant
    amount 300_000_000 JPY
    ${fields}
    ${items}
    assessment {
        democracy on-file "Country assessment, June 2025"
        rule-of-law on-file "Country assessment, June 2025"
        human-rights on-file "Country assessment, June 2025"
        socio-economic "Upper-middle-income country on the DAC list"
        security-needs "Maritime safety in the South Pacific"
        bilateral-relations "Friendly relations with a Pacific Islands Forum member"
    }
    agreement uses StandardExchangeOfNotes signed 2025-08-05
    coordination NSS, MOFA, MOD, JICA
}
`;
}

/** The item category of the example, as a workspace adds it in osa.config.json. */
export const DIVING_SUPPORT_VESSEL = {
    description: 'A vessel that carries divers for rescue and recovery.', conflictRelated: false, defaultField: 'humanitarian', defenseEquipment: false
};
