/**
 * Every test process (and so every `osa` it spawns) starts without the machine's locale: LC_ALL,
 * LC_MESSAGES and LANG choose the CLI's language, so a developer with LANG=ja_JP.UTF-8 would otherwise
 * see English expectations fail. A test that wants a locale sets it in the child's environment.
 */
for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    delete process.env[name];
}
