/** The editor services: Langium's LSP defaults plus the OSA module. Later issues add OSA-specific providers. */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { OsaGeneratedModule, OsaGeneratedSharedModule } from '../generated/module.js';
import { createOsaModule, OsaSharedModule, registerOsaValidation, type OsaAddedServices, type OsaModuleOptions } from '../osa-module.js';

export type OsaLspServices = LangiumServices & OsaAddedServices;

export function createOsaLspServices(context: DefaultSharedModuleContext, options: OsaModuleOptions = {}): {
    shared: LangiumSharedServices;
    Osa: OsaLspServices;
} {
    const shared = inject(createDefaultSharedModule(context), OsaGeneratedSharedModule, OsaSharedModule as Module<LangiumSharedServices, object>);
    const Osa = inject(
        createDefaultModule({ shared }),
        OsaGeneratedModule,
        createOsaModule(options) as Module<OsaLspServices, PartialLangiumServices & OsaAddedServices>
    );
    shared.ServiceRegistry.register(Osa);
    registerOsaValidation(Osa);
    return { shared, Osa };
}
