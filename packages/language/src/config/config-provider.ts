/**
 * Finds the configuration that applies to a file: the nearest osa.config.json above it (up to the
 * repository root), or the file named with `--config`. Shared by the CLI and the language server, so
 * both apply the same severities, ignores and reference data.
 */
import * as path from 'node:path';
import { ReferenceData } from '../reference/reference-data.js';
import type { ReferenceDataSet } from '../reference/types.js';
import { BUILT_IN_TERMS, type Terms } from '../vocabulary.js';
import { today } from '../engine/check-date.js';
import { ConfigError, defaultConfig, findConfigFile, loadConfig, type ResolvedConfig } from './config.js';

export class ConfigProvider {
    private explicitFile: string | undefined;
    /**
     * Whether the workspace is trusted (the CLI's --allow-outside-data, the editor's workspace trust):
     * only then may a configuration name data files outside its folder.
     */
    private trustedWorkspace = false;
    private readonly loaded = new Map<string, ResolvedConfig | ConfigError>();
    private readonly references = new WeakMap<ResolvedConfig, ReferenceData>();

    constructor(private readonly baseData: ReferenceDataSet, private readonly baseReference: () => ReferenceData) { }

    /**
     * The check date given by the caller (the CLI's `--as-of`, the editor's `osa.asOf` setting): it wins over a
     * configuration's `asOf`. Checked as a calendar date by whoever sets it.
     */
    asOf: string | undefined;

    /** The date the rules judge "now" by for files under `config`: the caller's, else the config's `asOf`, else today. */
    checkDateFor(config: ResolvedConfig): string {
        return this.asOf ?? config.contents.asOf ?? today();
    }

    /** Use one config file for every file (the CLI's `--config`). */
    useConfigFile(file: string | undefined): void {
        this.explicitFile = file ? path.resolve(file) : undefined;
        this.loaded.clear();
    }

    get trusted(): boolean {
        return this.trustedWorkspace;
    }

    set trusted(trusted: boolean) {
        if (trusted !== this.trustedWorkspace) {
            this.trustedWorkspace = trusted;
            this.loaded.clear();
        }
    }

    /** Forget loaded files, e.g. after an osa.config.json changed. */
    clear(): void {
        this.loaded.clear();
    }

    /** The config file that governs `file`, if any. */
    configFileFor(file: string): string | undefined {
        return this.explicitFile ?? findConfigFile(path.dirname(path.resolve(file)));
    }

    /** The resolved config for a file; throws ConfigError when its config file is invalid. */
    configFor(file: string): ResolvedConfig {
        const configFile = this.configFileFor(file);
        const key = configFile ?? `defaults:${path.dirname(path.resolve(file))}`;
        let config = this.loaded.get(key);
        if (!config) {
            try {
                config = configFile
                    ? loadConfig(configFile, this.baseData, { trusted: this.trustedWorkspace, explicit: configFile === this.explicitFile })
                    : defaultConfig(path.dirname(path.resolve(file)), this.baseData);
            } catch (error) {
                if (!(error instanceof ConfigError)) {
                    throw error;
                }
                config = error;
            }
            this.loaded.set(key, config);
        }
        if (config instanceof ConfigError) {
            throw config;
        }
        return config;
    }

    /** The terms in force for a file: the built-in ones when its configuration is invalid (that is reported on its own). */
    termsFor(file: string): Terms {
        try {
            return this.configFor(file).terms;
        } catch (error) {
            if (error instanceof ConfigError) {
                return BUILT_IN_TERMS;
            }
            throw error;
        }
    }

    /** Does the configuration add reference data to the shipped editions (a DAC list file)? */
    addsReferenceData(config: ResolvedConfig): boolean {
        return config.referenceData !== this.baseData;
    }

    /** The reference-data service for a config: the shared one unless the config adds data. */
    referenceFor(config: ResolvedConfig): ReferenceData {
        if (config.referenceData === this.baseData) {
            return this.baseReference();
        }
        let reference = this.references.get(config);
        if (!reference) {
            reference = new ReferenceData(config.referenceData);
            this.references.set(config, reference);
        }
        return reference;
    }
}
