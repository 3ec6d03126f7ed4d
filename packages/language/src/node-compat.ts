/**
 * Langium 4.4's parser (chevrotain 13) calls Object.groupBy, which Node 20 lacks. Editors such as
 * VS Code 1.100 run language servers on Node 20, so every entry point imports this module first.
 */
type GroupKey = PropertyKey;

if (typeof (Object as { groupBy?: unknown }).groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value<T>(items: Iterable<T>, keyOf: (item: T, index: number) => GroupKey) {
            const groups: Record<GroupKey, T[]> = Object.create(null);
            let index = 0;
            for (const item of items) {
                (groups[keyOf(item, index++)] ??= []).push(item);
            }
            return groups;
        }
    });
}
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value<T, K>(items: Iterable<T>, keyOf: (item: T, index: number) => K) {
            const groups = new Map<K, T[]>();
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                const group = groups.get(key);
                if (group) {
                    group.push(item);
                } else {
                    groups.set(key, [item]);
                }
            }
            return groups;
        }
    });
}

export { };
