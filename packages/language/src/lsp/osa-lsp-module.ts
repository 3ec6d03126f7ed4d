/**
 * The editor services: Langium's LSP defaults, the OSA module (same rules, data and configuration
 * as the CLI), and OSA's editor features, one file each in this folder.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { OsaGeneratedModule, OsaGeneratedSharedModule } from '../generated/module.js';
import { createOsaModule, OsaSharedModule, registerOsaValidation, type OsaAddedServices, type OsaModuleOptions } from '../osa-module.js';
import { OsaCodeActionProvider } from './code-actions.js';
import { OsaCodeLensProvider } from './code-lens.js';
import { OsaCommandHandler } from './commands.js';
import { OsaCompletionProvider } from './completion.js';
import { OsaFoldingRangeProvider } from './folding.js';
import { OsaFormatter } from './formatter.js';
import { OsaHoverProvider } from './hover.js';
import { OsaRenameProvider } from './rename.js';
import { OsaSemanticTokenProvider } from './semantic-tokens.js';
import { OsaDocumentSymbolProvider, OsaFuzzyMatcher, OsaNodeKindProvider } from './symbols.js';
import { WorkspaceDiagnostics } from './workspace-diagnostics.js';
import { IncrementalDocumentFactory } from './incremental-parse.js';

export type OsaLspAddedServices = {
    osaLsp: {
        WorkspaceDiagnostics: WorkspaceDiagnostics;
    };
};

export type OsaLspServices = LangiumServices & OsaAddedServices & OsaLspAddedServices;

export const OsaLspModule: Module<OsaLspServices, PartialLangiumServices & OsaLspAddedServices> = {
    lsp: {
        CodeActionProvider: services => new OsaCodeActionProvider(services),
        CodeLensProvider: services => new OsaCodeLensProvider(services),
        CompletionProvider: services => new OsaCompletionProvider(services),
        DocumentSymbolProvider: services => new OsaDocumentSymbolProvider(services.osa.Localizer),
        FoldingRangeProvider: services => new OsaFoldingRangeProvider(services),
        RenameProvider: services => new OsaRenameProvider(services),
        Formatter: () => new OsaFormatter(),
        HoverProvider: services => new OsaHoverProvider(services),
        SemanticTokenProvider: services => new OsaSemanticTokenProvider(services)
    },
    osaLsp: {
        WorkspaceDiagnostics: services => new WorkspaceDiagnostics(services.shared, () => services)
    }
};

export function createOsaLspServices(context: DefaultSharedModuleContext, options: OsaModuleOptions = {}): {
    shared: LangiumSharedServices;
    Osa: OsaLspServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        OsaGeneratedSharedModule,
        OsaSharedModule as Module<LangiumSharedServices, object>,
        {
            workspace: {
                LangiumDocumentFactory: (services: LangiumSharedServices) => new IncrementalDocumentFactory(services)
            },
            lsp: {
                ExecuteCommandHandler: (services: LangiumSharedServices) => new OsaCommandHandler(() => Osa.osaLsp.WorkspaceDiagnostics, () => services.workspace.LangiumDocuments),
                NodeKindProvider: () => new OsaNodeKindProvider(),
                FuzzyMatcher: () => new OsaFuzzyMatcher()
            }
        } as Module<LangiumSharedServices, object>
    );
    const Osa: OsaLspServices = inject(
        createDefaultModule({ shared }),
        OsaGeneratedModule,
        createOsaModule(options) as Module<OsaLspServices, PartialLangiumServices & OsaAddedServices>,
        OsaLspModule
    );
    shared.ServiceRegistry.register(Osa);
    registerOsaValidation(Osa);
    // Created eagerly: it listens to builds and configuration from the start.
    void Osa.osaLsp.WorkspaceDiagnostics;
    return { shared, Osa };
}
