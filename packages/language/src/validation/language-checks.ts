/**
 * Checks that belong to the language rather than to the guidelines: declarations a programme sheet
 * must have for the rules to work at all. They are reported with the code `syntax`, like parse errors.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { BudgetEnvelope, Exception, OsaAstType, Period, Programme } from '../generated/ast.js';
import { ruleById } from '../rules/index.js';

export const LANGUAGE_CODE = 'syntax';

const REQUIRED: { property: keyof Programme; example: string }[] = [
    { property: 'fiscalYear', example: 'fiscal-year 2025' },
    { property: 'recipient', example: 'recipient PHL' },
    { property: 'beneficiary', example: 'beneficiary "Philippine Navy" kind armed-forces' },
    { property: 'modality', example: 'modality grant' }
];

/** OSA was established in April 2023; earlier fiscal years are almost certainly typos. */
const FIRST_OSA_FISCAL_YEAR = 2023;

export class OsaLanguageChecks {
    checks(): ValidationChecks<OsaAstType> {
        return {
            Programme: (node, accept) => {
                this.checkProgramme(node, accept);
                this.checkSingleDeclarations(node, accept);
            },
            Period: (node, accept) => this.checkPeriod(node, accept),
            Exception: (node, accept) => {
                this.checkException(node, accept);
                this.checkSingleDeclarations(node, accept);
            },
            BudgetEnvelope: (node, accept) => {
                this.checkEnvelope(node, accept);
                this.checkSingleDeclarations(node, accept);
            },
            // Only these rules declare single-valued properties inside repeatable groups.
            Item: (node, accept) => this.checkSingleDeclarations(node, accept),
            Agreement: (node, accept) => this.checkSingleDeclarations(node, accept),
            AgreementTemplate: (node, accept) => this.checkSingleDeclarations(node, accept),
            FieldDeclaration: (node, accept) => this.checkSingleDeclarations(node, accept),
        };
    }

    checkProgramme(programme: Programme, accept: ValidationAcceptor): void {
        for (const { property, example } of REQUIRED) {
            if (programme[property] === undefined) {
                accept('error', `Programme ${programme.name} has no ${example.split(' ')[0]} declaration, so the guideline rules cannot check it. Add \`${example}\`.`, {
                    node: programme, property: 'name', code: LANGUAGE_CODE
                });
            }
        }
        if (programme.fiscalYear !== undefined && (programme.fiscalYear < FIRST_OSA_FISCAL_YEAR || programme.fiscalYear > 2100)) {
            accept('error', `FY${programme.fiscalYear} is not a plausible OSA fiscal year: OSA began in FY${FIRST_OSA_FISCAL_YEAR}. Write the Japanese fiscal year in four digits (e.g. 2025 for April 2025 to March 2026).`, {
                node: programme, property: 'fiscalYear', code: LANGUAGE_CODE
            });
        }
        programme.items.forEach((item, index) => {
            if (!item.category) {
                accept('error', `The item "${item.name}" has no category, so the rules cannot tell what it is. Add \`category …\` (e.g. patrol-boat, coastal-radar).`, {
                    node: programme, property: 'items', index, code: LANGUAGE_CODE
                });
            }
        });
        const envelope = programme.envelope?.ref;
        if (envelope?.fiscalYear !== undefined && programme.fiscalYear !== undefined && envelope.fiscalYear !== programme.fiscalYear) {
            accept('error', `The programme is for FY${programme.fiscalYear} but is funded by ${envelope.name}, the FY${envelope.fiscalYear} envelope. Name the envelope of its own fiscal year.`, {
                node: programme, property: 'envelope', code: LANGUAGE_CODE
            });
        }
        if (programme.amount && programme.amount.value <= 0) {
            accept('error', 'The amount must be positive.', { node: programme.amount, property: 'value', code: LANGUAGE_CODE });
        }
    }

    checkPeriod(period: Period, accept: ValidationAcceptor): void {
        if (!isValidDate(period.start) || !isValidDate(period.end)) {
            accept('error', 'The period has a date that does not exist in the calendar.', { node: period, code: LANGUAGE_CODE });
        } else if (period.end < period.start) {
            accept('error', `The period ends (${period.end}) before it starts (${period.start}).`, { node: period, property: 'end', code: LANGUAGE_CODE });
        }
    }

    checkException(exception: Exception, accept: ValidationAcceptor): void {
        const rule = ruleById(exception.rule);
        if (!rule) {
            accept('error', `${exception.rule} is not a rule id. Exceptions name the rule they relax, e.g. \`exception OSA101 { … }\`.`, {
                node: exception, property: 'rule', code: LANGUAGE_CODE
            });
        } else if (!rule.exceptionSeverity) {
            accept('warning', `${rule.id} (${rule.name}) states a firm condition that no recorded decision can answer, so an exception has no effect on it.`, {
                node: exception, property: 'rule', code: LANGUAGE_CODE
            });
        }
    }

    checkEnvelope(envelope: BudgetEnvelope, accept: ValidationAcceptor): void {
        if (envelope.fiscalYear === undefined || !envelope.amount) {
            accept('error', `Budget envelope ${envelope.name} needs both \`fiscal-year\` and \`amount\`.`, {
                node: envelope, property: 'name', code: LANGUAGE_CODE
            });
        }
    }

    /**
     * Declarations that hold one value (`title`, `assessment`, `agreement`, ...) may be written in any
     * order, so a second one would silently replace the first: report it instead.
     */
    checkSingleDeclarations(node: AstNode, accept: ValidationAcceptor): void {
        const seen = new Map<string, number>();
        // Visit the CST nodes that belong to this AST node, not those of nested declarations.
        const visit = (cst: CstNode) => {
            const assignment = cst === node.$cstNode ? undefined : AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isAssignment);
            if (assignment && assignment.operator !== '+=' && cst.grammarSource?.$container === assignment) {
                const count = (seen.get(assignment.feature) ?? 0) + 1;
                seen.set(assignment.feature, count);
                if (count === 2) {
                    accept('error', `This ${node.$type === 'Programme' ? 'programme' : node.$type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} declares ${assignment.feature.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} more than once; only one declaration counts. Remove the duplicate.`, {
                        node, range: cst.range, code: LANGUAGE_CODE
                    });
                }
            }
            if (isCompositeCstNode(cst)) {
                for (const child of cst.content) {
                    if (child.astNode === node) {
                        visit(child);
                    }
                }
            }
        };
        if (node.$cstNode) {
            visit(node.$cstNode);
        }
    }
}

function isValidDate(text: string): boolean {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
