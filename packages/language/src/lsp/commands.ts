/** Commands the server executes (`workspace/executeCommand`). */
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import type { WorkspaceDiagnostics } from './workspace-diagnostics.js';

export const VALIDATE_WORKSPACE_COMMAND = 'osa.validateWorkspace';

export class OsaCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly workspace: () => WorkspaceDiagnostics) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        // Validates every file of the workspace, closed ones included; returns how many.
        accept(VALIDATE_WORKSPACE_COMMAND, async () => ({ validated: await this.workspace().validateAll() }));
    }
}
