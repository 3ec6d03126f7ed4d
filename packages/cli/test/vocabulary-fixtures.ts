/** Shared by the CLI and LSP tests of workspace terms: a lawful programme sheet to put items and fields in. */
import { programme } from '../../language/test/helpers.js';

/** A Fijian programme: the language tests' compliant baseline, with the given fields and items. */
export function fijiSheet(fields: string, items: string): string {
    return programme({
        id: 'OSA-FY2025-FJI',
        title: 'title "Diving support vessel for the Republic of Fiji Navy"',
        fiscalYear: 'fiscal-year 2025',
        recipient: 'recipient FJI',
        beneficiary: 'beneficiary "Republic of Fiji Navy" kind armed-forces',
        amount: 'amount 300_000_000 JPY',
        fields,
        items,
        agreement: 'agreement uses StandardExchangeOfNotes signed 2025-08-05'
    });
}

/** The item category of the example, as a workspace adds it in osa.config.json. */
export const DIVING_SUPPORT_VESSEL = {
    description: 'A vessel that carries divers for rescue and recovery.', conflictRelated: false, defaultField: 'humanitarian', defenseEquipment: false
};
