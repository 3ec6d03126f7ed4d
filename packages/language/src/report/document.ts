/**
 * The report as a JSON document (`osa report --format json`, the `osa/complianceReport` request):
 * the model with the contract's version, the tool and the reference-data editions it was checked against.
 * The contract is docs/schemas/report.schema.json.
 */
import { dataEditions } from '../reference/editions.js';
import type { ComplianceReport } from './model.js';

/** The version of the JSON contract; raised on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

export interface ReportDocument extends ComplianceReport {
    schemaVersion: number;
    tool: { name: 'osa'; version: string };
    referenceData: { dataset: string; edition: string }[];
}

export function reportDocument(report: ComplianceReport, version: string): ReportDocument {
    return { schemaVersion: REPORT_SCHEMA_VERSION, tool: { name: 'osa', version }, referenceData: dataEditions(), ...report };
}
