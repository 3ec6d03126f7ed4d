/**
 * The rule documentation (docs/rules/, English and Japanese), bundled at build time and rendered in the
 * page. Loaded as its own chunk while the page starts (it is not needed for the first check), so that
 * once the page is ready nothing more is fetched.
 *
 * The pages are the repository's own text, still rendered without ever writing HTML: marked's lexer
 * gives tokens, and this module builds DOM nodes from them (raw HTML in a page is shown as text).
 * Links: another rule page opens here; the repository's other documents go to their GitHub pages;
 * https links open in a new tab; anything else stays text.
 */
import { marked, type Token, type Tokens } from 'marked';

const REPOSITORY_BLOB = 'https://github.com/osa-policy/osa-policy/blob/main/docs/';
const english = import.meta.glob('../../../docs/rules/OSA*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const japanese = import.meta.glob('../../../docs/rules/ja/OSA*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function byId(pages: Record<string, string>): Map<string, string> {
    return new Map(Object.entries(pages).map(([file, text]) => [file.slice(file.lastIndexOf('/') + 1, -'.md'.length), text]));
}

const PAGES = { en: byId(english), ja: byId(japanese) } as const;
export type PageLocale = keyof typeof PAGES;

export function hasRulePage(id: string): boolean {
    return PAGES.en.has(id);
}

export function rulePageUrl(id: string, locale: PageLocale): string {
    return `${REPOSITORY_BLOB}rules/${locale === 'ja' ? 'ja/' : ''}${id}.md`;
}

export interface RuleLinkHandler {
    (id: string, locale: PageLocale): void;
}

/** Renders rule `id`'s page (in `locale` when that edition exists) into `container`; false when there is no page. */
export function renderRulePage(container: HTMLElement, id: string, locale: PageLocale, onRule: RuleLinkHandler): boolean {
    const text = PAGES[locale].get(id) ?? PAGES.en.get(id);
    if (text === undefined) {
        return false;
    }
    const shown: PageLocale = PAGES[locale].has(id) ? locale : 'en';
    container.replaceChildren(...blocks(marked.lexer(text), { locale: shown, onRule }));
    return true;
}

interface Context {
    /** The folder of the page being rendered: links are relative to it. */
    locale: PageLocale;
    onRule: RuleLinkHandler;
}

function blocks(tokens: readonly Token[], context: Context): Node[] {
    const out: Node[] = [];
    for (const token of tokens) {
        const node = block(token, context);
        if (node) {
            out.push(node);
        }
    }
    return out;
}

function block(token: Token, context: Context): Node | undefined {
    switch (token.type) {
        case 'heading': {
            const t = token as Tokens.Heading;
            // The page's own title is an h3 in the side panel, its sections h4 and below.
            const h = document.createElement(`h${Math.min(t.depth + 2, 6)}`);
            h.append(...inline(t.tokens, context));
            return h;
        }
        case 'paragraph': {
            const p = document.createElement('p');
            p.append(...inline((token as Tokens.Paragraph).tokens, context));
            return p;
        }
        case 'code': {
            const pre = document.createElement('pre');
            // Wide examples scroll: keyboard users reach them too.
            pre.tabIndex = 0;
            const code = document.createElement('code');
            code.textContent = (token as Tokens.Code).text;
            pre.append(code);
            return pre;
        }
        case 'list': {
            const t = token as Tokens.List;
            const list = document.createElement(t.ordered ? 'ol' : 'ul');
            for (const item of t.items) {
                const li = document.createElement('li');
                li.append(...blocks(item.tokens, context));
                list.append(li);
            }
            return list;
        }
        case 'table': {
            const t = token as Tokens.Table;
            const table = document.createElement('table');
            const head = document.createElement('tr');
            const headerCells = t.header.map(cell => {
                const th = document.createElement('th');
                th.append(...inline(cell.tokens, context));
                return th;
            });
            // A table with an empty header row (the pages' facts box) gets no header.
            if (headerCells.some(th => th.textContent !== '')) {
                head.append(...headerCells);
                table.append(head);
            }
            for (const row of t.rows) {
                const tr = document.createElement('tr');
                row.forEach((cell, index) => {
                    const td = document.createElement(index === 0 && headerCells.every(th => th.textContent === '') ? 'th' : 'td');
                    td.append(...inline(cell.tokens, context));
                    tr.append(td);
                });
                table.append(tr);
            }
            return table;
        }
        case 'blockquote': {
            const quote = document.createElement('blockquote');
            quote.append(...blocks((token as Tokens.Blockquote).tokens, context));
            return quote;
        }
        case 'hr':
            return document.createElement('hr');
        case 'space':
            return undefined;
        case 'text': {
            const t = token as Tokens.Text;
            const span = document.createElement('span');
            span.append(...(t.tokens ? inline(t.tokens, context) : [document.createTextNode(t.text)]));
            return span;
        }
        default: {
            // html and anything unknown: shown as the text it is.
            const p = document.createElement('p');
            p.textContent = 'raw' in token ? String(token.raw) : '';
            return p;
        }
    }
}

function inline(tokens: readonly Token[] | undefined, context: Context): Node[] {
    return (tokens ?? []).map(token => inlineNode(token, context));
}

function inlineNode(token: Token, context: Context): Node {
    switch (token.type) {
        case 'strong':
        case 'em':
        case 'del': {
            const node = document.createElement(token.type === 'strong' ? 'strong' : token.type === 'em' ? 'em' : 'del');
            node.append(...inline((token as Tokens.Strong).tokens, context));
            return node;
        }
        case 'codespan': {
            const code = document.createElement('code');
            code.textContent = (token as Tokens.Codespan).text;
            return code;
        }
        case 'br':
            return document.createElement('br');
        case 'link':
            return link(token as Tokens.Link, context);
        case 'image':
            return document.createTextNode((token as Tokens.Image).text);
        case 'text': {
            const t = token as Tokens.Text;
            if (t.tokens?.length) {
                const span = document.createElement('span');
                span.append(...inline(t.tokens, context));
                return span;
            }
            return document.createTextNode(t.text);
        }
        case 'escape':
            return document.createTextNode((token as Tokens.Escape).text);
        default:
            return document.createTextNode('raw' in token ? String(token.raw) : '');
    }
}

function link(token: Tokens.Link, context: Context): Node {
    const label = inline(token.tokens, context);
    const href = token.href;
    // Another rule page: opened here, in the page's language or the one the link names.
    const rule = /^(ja\/|\.\.\/)?(OSA\d{3})\.md$/.exec(href);
    if (rule) {
        const locale: PageLocale = rule[1] === 'ja/' ? 'ja' : rule[1] === '../' ? 'en' : context.locale;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.append(...label);
        button.addEventListener('click', () => context.onRule(rule[2], locale));
        return button;
    }
    let url: string | undefined;
    if (/^https:\/\//.test(href)) {
        url = href;
    } else if (/^(\.\.\/)+[A-Za-z0-9._/-]+\.md(#[A-Za-z0-9._-]*)?$/.test(href) && !href.includes('/../')) {
        // A repository document beside docs/rules/: its page on GitHub.
        const depth = context.locale === 'ja' ? 2 : 1;
        const parts = href.split('/');
        const ups = parts.filter(p => p === '..').length;
        const rest = parts.filter(p => p !== '..').join('/');
        const base = context.locale === 'ja' ? ['rules', 'ja'] : ['rules'];
        url = ups <= depth ? `${REPOSITORY_BLOB}${[...base.slice(0, base.length - ups), rest].join('/')}` : undefined;
    }
    if (!url) {
        const span = document.createElement('span');
        span.append(...label);
        return span;
    }
    const a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.append(...label);
    return a;
}
