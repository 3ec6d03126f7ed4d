/**
 * The repository's examples/, bundled at build time (a few tens of kilobytes of text): choosing one
 * makes no network request. An example's workspace is what its folder needs to check as the CLI
 * checks it: the file, the shared templates and envelopes, and every osa.config.json above it.
 */
const sources = import.meta.glob('../../../examples/**/*.{osa,json}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const PREFIX = '../../../examples/';

/** Example files by path relative to examples/. */
export const EXAMPLE_FILES: ReadonlyMap<string, string> = new Map(
    Object.entries(sources).map(([key, text]) => [key.slice(PREFIX.length), text])
);

export interface Example {
    /** Path relative to examples/ of the file shown first. */
    main: string;
    group: 'Programmes' | 'Violations';
    label: string;
}

export const EXAMPLES: readonly Example[] = [...EXAMPLE_FILES.keys()]
    .filter(p => p.endsWith('.osa') && (p.startsWith('programmes/') || p.startsWith('violations/')))
    .sort()
    .map(p => ({
        main: p,
        group: p.startsWith('programmes/') ? 'Programmes' : 'Violations',
        label: p.slice(p.lastIndexOf('/') + 1, -'.osa'.length)
    }));

export const DEFAULT_EXAMPLE = 'programmes/OSA-FY2024-MNG.osa';

/** The files of an example's workspace, by path relative to the workspace root, the file itself first. */
export function exampleWorkspace(main: string): Map<string, string> {
    const files = new Map<string, string>();
    const add = (p: string) => {
        const text = EXAMPLE_FILES.get(p);
        if (text !== undefined) {
            files.set(p, text);
        }
    };
    add(main);
    add('shared/templates.osa');
    add('shared/budgets.osa');
    const parts = main.split('/');
    for (let i = parts.length - 1; i >= 0; i--) {
        add([...parts.slice(0, i), 'osa.config.json'].join('/'));
    }
    return files;
}
