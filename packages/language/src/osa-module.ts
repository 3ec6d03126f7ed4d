/**
 * Wires the OSA services. `createOsaServices` gives the core services used by the CLI and the tests;
 * `lsp/osa-lsp-module.ts` adds the editor features on top of the same module, so both see the same
 * rules, reference data and workspace semantics.
 */
import { createOsaParser } from './parser/osa-parser.js';
import {
    EmptyFileSystem, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices,
    type Module, type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices
} from 'langium';
import * as path from 'node:path';
import { createDefaultCoreModule, createDefaultSharedCoreModule } from 'langium';
import type { OsaAstType } from './generated/ast.js';
import { OsaGeneratedModule, OsaGeneratedSharedModule } from './generated/module.js';
import { DEFAULT_REFERENCE_DATA } from './reference/default-data.js';
import { ReferenceData } from './reference/reference-data.js';
import type { ReferenceDataSet } from './reference/types.js';
import { ALL_RULES, type Rule } from './rules/index.js';
import { ConfigProvider } from './config/config-provider.js';
import { OsaDocumentValidator } from './validation/document-validator.js';
import { OsaLanguageChecks } from './validation/language-checks.js';
import { OsaValidationRegistry } from './validation/validation-registry.js';
import { RuleRunner } from './validation/rule-runner.js';
import { OsaLexerErrorMessages, OsaParserErrorMessages } from './validation/parse-messages.js';
import { OsaTokenBuilder } from './parser/osa-token-builder.js';
import { OsaValueConverter } from './value-converter.js';
import {
    OsaDocumentBuilder, OsaIndexManager, OsaLinker, OsaReferenceDescriptionProvider, OsaScopeComputation, OsaScopeProvider
} from './workspace/performance.js';
import { WorkspaceViewProvider } from './workspace/workspace-view.js';
import { Localizer } from './i18n/localize.js';
import type { Locale } from './i18n/locale.js';

export type OsaAddedServices = {
    osa: {
        ReferenceData: ReferenceData;
        Config: ConfigProvider;
        RuleRunner: RuleRunner;
        LanguageChecks: OsaLanguageChecks;
        WorkspaceView: WorkspaceViewProvider;
        /** The locale every person-readable text is rendered in (CLI: `--locale`/environment; server: `initialize`/`osa.locale`). */
        Localizer: Localizer;
    };
    validation: {
        DocumentValidator: OsaDocumentValidator;
    };
};

export type OsaServices = LangiumCoreServices & OsaAddedServices;

export type OsaSharedServices = LangiumSharedCoreServices & {
    workspace: { DocumentBuilder: OsaDocumentBuilder; IndexManager: OsaIndexManager };
};

/** Shared services of every OSA setup (CLI, server, tests). */
export const OsaSharedModule: Module<OsaSharedServices, PartialLangiumSharedCoreServices & { workspace: { DocumentBuilder: OsaDocumentBuilder; IndexManager: OsaIndexManager } }> = {
    workspace: {
        DocumentBuilder: services => new OsaDocumentBuilder(services),
        IndexManager: services => new OsaIndexManager(services)
    }
};

export interface OsaModuleOptions {
    /** Substitute reference data (tests, or a user's newer editions). */
    referenceData?: ReferenceDataSet;
    /** Substitute the rule set (tests); defaults to every registered rule. */
    rules?: readonly Rule[];
    /** The check date, YYYY-MM-DD (`--as-of`); the config's `asOf`, else today, when not given. */
    asOf?: string;
    /** The locale of messages; English when not given. */
    locale?: Locale;
}

export function createOsaModule(options: OsaModuleOptions = {}): Module<OsaServices, PartialLangiumCoreServices & OsaAddedServices> {
    return {
        parser: {
            LangiumParser: services => createOsaParser(services),
            TokenBuilder: () => new OsaTokenBuilder(),
            ValueConverter: () => new OsaValueConverter(),
            ParserErrorMessageProvider: services => new OsaParserErrorMessages(services.osa.Localizer),
            LexerErrorMessageProvider: services => new OsaLexerErrorMessages(services.osa.Localizer)
        },
        validation: {
            DocumentValidator: services => new OsaDocumentValidator(services, () => services.osa.Config, services.osa.Localizer, () => services.osa.RuleRunner),
            ValidationRegistry: services => new OsaValidationRegistry(services, services.osa.Localizer)
        },
        references: {
            ScopeComputation: services => new OsaScopeComputation(services),
            ScopeProvider: services => new OsaScopeProvider(services),
            Linker: services => new OsaLinker(services, services.osa.Localizer)
        },
        workspace: {
            ReferenceDescriptionProvider: services => new OsaReferenceDescriptionProvider(services)
        },
        osa: {
            ReferenceData: () => new ReferenceData(options.referenceData ?? DEFAULT_REFERENCE_DATA),
            Config: services => {
                const provider = new ConfigProvider(options.referenceData ?? DEFAULT_REFERENCE_DATA, () => services.osa.ReferenceData);
                provider.asOf = options.asOf;
                return provider;
            },
            RuleRunner: services => new RuleRunner(options.rules ?? ALL_RULES, services.osa.Config, services.osa.WorkspaceView, services.osa.Localizer),
            Localizer: () => new Localizer(options.locale),
            LanguageChecks: services => new OsaLanguageChecks(services.osa.Config, () => services.osa.ReferenceData, services.osa.Localizer),
            WorkspaceView: services => new WorkspaceViewProvider(services.shared, file => {
                const config = services.osa.Config.configFileFor(file);
                return config ? path.dirname(config) : '';
            })
        }
    };
}

/** Registers the language checks and the guideline rules with Langium's validation. */
export function registerOsaValidation(services: OsaServices): void {
    const registry = services.validation.ValidationRegistry;
    registry.register(services.osa.LanguageChecks.checks(), services.osa.LanguageChecks);
    const runner = services.osa.RuleRunner;
    registry.register<OsaAstType>({ Model: (model, accept) => runner.checkModel(model, accept) }, runner);
}

export function createOsaServices(context: Partial<DefaultSharedCoreModuleContext> = {}, options: OsaModuleOptions = {}): {
    shared: OsaSharedServices;
    Osa: OsaServices;
} {
    const shared = inject(
        createDefaultSharedCoreModule({ ...EmptyFileSystem, ...context }),
        OsaGeneratedSharedModule,
        OsaSharedModule
    );
    const Osa = inject(createDefaultCoreModule({ shared }), OsaGeneratedModule, createOsaModule(options));
    shared.ServiceRegistry.register(Osa);
    registerOsaValidation(Osa);
    return { shared, Osa };
}
