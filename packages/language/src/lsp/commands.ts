/** Commands the server executes (`workspace/executeCommand`). */
import { URI, type LangiumDocuments } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { isModel, isProgramme } from '../generated/ast.js';
import { SHOW_PROGRAMME_FINDINGS_COMMAND } from './code-lens.js';
import type { WorkspaceDiagnostics } from './workspace-diagnostics.js';

export const VALIDATE_WORKSPACE_COMMAND = 'osa.validateWorkspace';

export interface ProgrammeFinding {
    rule: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    /** 1-based line. */
    line: number;
}

export class OsaCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly workspace: () => WorkspaceDiagnostics, private readonly documents: () => LangiumDocuments) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        // Validates every file of the workspace, closed ones included; returns how many.
        accept(VALIDATE_WORKSPACE_COMMAND, async () => ({ validated: await this.workspace().validateAll() }));
        // The code lens's command: the programme's current findings, for a client to list.
        accept(SHOW_PROGRAMME_FINDINGS_COMMAND, args => this.programmeFindings(String(args[0]), String(args[1])));
    }

    private programmeFindings(uri: string, programmeId: string): { programme: string; findings: ProgrammeFinding[] } | undefined {
        const document = this.documents().getDocument(URI.parse(uri));
        const model = document?.parseResult.value;
        const programme = isModel(model) ? model.elements.filter(isProgramme).find(p => p.name === programmeId) : undefined;
        const range = programme?.$cstNode?.range;
        if (!document || !range) {
            return undefined;
        }
        const findings = (document.diagnostics ?? [])
            .filter(d => d.range.start.line >= range.start.line && d.range.start.line <= range.end.line)
            .map(d => ({
                rule: typeof d.code === 'string' ? d.code : 'syntax',
                severity: d.severity === 1 ? 'error' as const : d.severity === 2 ? 'warning' as const : 'info' as const,
                message: typeof d.message === 'string' ? d.message : d.message.value,
                line: d.range.start.line + 1
            }));
        return { programme: programmeId, findings };
    }
}
