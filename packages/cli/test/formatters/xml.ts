/**
 * A small strict XML 1.0 parser for the tests: it rejects what a conforming parser rejects for the
 * documents the JUnit formatter writes (illegal characters, bad names, unescaped < or &, unknown
 * entities, duplicate attributes, mismatched tags, content after the root) and returns the tree with
 * references decoded and attribute values normalised as a conforming parser would. No DTDs, no
 * namespaces processing.
 */
export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /[A-Za-z_:][-A-Za-z0-9._:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
    if (!CHAR.test(source)) {
        const bad = [...source].find(ch => !CHAR.test(ch))!;
        throw new XmlError(`illegal character U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    const text = source.replace(/\r\n?/g, '\n');
    let pos = 0;

    const fail = (message: string): never => {
        const line = text.slice(0, pos).split('\n').length;
        throw new XmlError(`${message} at line ${line} (offset ${pos}): ${JSON.stringify(text.slice(pos, pos + 30))}`);
    };
    const startsWith = (s: string) => text.startsWith(s, pos);
    const expect = (s: string) => {
        if (!startsWith(s)) {
            fail(`expected ${JSON.stringify(s)}`);
        }
        pos += s.length;
    };
    const skipSpace = () => {
        const start = pos;
        while (pos < text.length && ' \t\n'.includes(text[pos])) {
            pos++;
        }
        return pos > start;
    };
    const name = (): string => {
        NAME.lastIndex = pos;
        const match = NAME.exec(text);
        if (!match) {
            return fail('expected a name');
        }
        pos += match[0].length;
        return match[0];
    };
    const reference = (): string => {
        // At '&'.
        const end = text.indexOf(';', pos);
        if (end < 0) {
            return fail('unterminated reference');
        }
        const body = text.slice(pos + 1, end);
        let value: string;
        if (/^#[0-9]+$/.test(body) || /^#x[0-9a-fA-F]+$/.test(body)) {
            const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
            value = code <= 0x10FFFF ? String.fromCodePoint(code) : '';
            if (!value || !CHAR.test(value)) {
                return fail(`character reference to an illegal character &${body};`);
            }
        } else if (body in ENTITIES) {
            value = ENTITIES[body];
        } else {
            return fail(`unknown entity &${body};`);
        }
        pos = end + 1;
        return value;
    };
    const comment = () => {
        expect('<!--');
        const end = text.indexOf('-->', pos);
        if (end < 0) {
            fail('unterminated comment');
        }
        if (text.slice(pos, end).includes('--') || text[end - 1] === '-') {
            fail('"--" inside a comment');
        }
        pos = end + 3;
    };
    const misc = () => {
        for (;;) {
            skipSpace();
            if (startsWith('<!--')) {
                comment();
            } else {
                return;
            }
        }
    };
    const attributeValue = (): string => {
        const quote = text[pos];
        if (quote !== '"' && quote !== '\'') {
            return fail('expected a quoted attribute value');
        }
        pos++;
        let value = '';
        for (;;) {
            if (pos >= text.length) {
                return fail('unterminated attribute value');
            }
            const ch = text[pos];
            if (ch === quote) {
                pos++;
                return value;
            }
            if (ch === '<') {
                return fail('"<" in an attribute value');
            }
            if (ch === '&') {
                value += reference();
            } else {
                // Attribute-value normalisation: literal whitespace characters become spaces.
                value += '\t\n'.includes(ch) ? ' ' : ch;
                pos++;
            }
        }
    };
    const element = (): XmlElement => {
        expect('<');
        const tag = name();
        const attributes: Record<string, string> = {};
        for (;;) {
            const spaced = skipSpace();
            if (startsWith('/>')) {
                pos += 2;
                return { name: tag, attributes, children: [] };
            }
            if (startsWith('>')) {
                pos++;
                break;
            }
            if (!spaced) {
                fail('expected whitespace before an attribute');
            }
            const attribute = name();
            if (Object.hasOwn(attributes, attribute)) {
                fail(`duplicate attribute ${attribute}`);
            }
            skipSpace();
            expect('=');
            skipSpace();
            attributes[attribute] = attributeValue();
        }
        const children: XmlNode[] = [];
        let chars = '';
        const flush = () => {
            if (chars) {
                children.push(chars);
                chars = '';
            }
        };
        for (;;) {
            if (pos >= text.length) {
                fail(`unclosed element <${tag}>`);
            }
            if (startsWith('</')) {
                pos += 2;
                const closing = name();
                if (closing !== tag) {
                    fail(`</${closing}> closes <${tag}>`);
                }
                skipSpace();
                expect('>');
                flush();
                return { name: tag, attributes, children };
            }
            if (startsWith('<!--')) {
                comment();
            } else if (startsWith('<![CDATA[')) {
                const end = text.indexOf(']]>', pos);
                if (end < 0) {
                    fail('unterminated CDATA section');
                }
                chars += text.slice(pos + 9, end);
                pos = end + 3;
            } else if (startsWith('<?') || startsWith('<!')) {
                fail('processing instructions and declarations are not expected in content');
            } else if (startsWith('<')) {
                flush();
                children.push(element());
            } else if (startsWith('&')) {
                chars += reference();
            } else if (startsWith(']]>')) {
                fail('"]]>" in content');
            } else {
                chars += text[pos++];
            }
        }
    };

    if (startsWith('\uFEFF')) {
        pos++;
    }
    if (startsWith('<?xml')) {
        const end = text.indexOf('?>', pos);
        if (end < 0) {
            fail('unterminated XML declaration');
        }
        const declaration = text.slice(pos, end + 2);
        if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][-A-Za-z0-9._]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/.test(declaration)) {
            fail('malformed XML declaration');
        }
        pos = end + 2;
    }
    misc();
    if (startsWith('<!DOCTYPE')) {
        fail('DOCTYPE is not supported here');
    }
    const root = element();
    misc();
    if (pos < text.length) {
        fail('content after the root element');
    }
    return root;
}

/** The elements under `node` (itself included) with this name, in document order. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
    const own = node.name === name ? [node] : [];
    return [...own, ...node.children.flatMap(c => typeof c === 'string' ? [] : findAll(c, name))];
}

export function textOf(node: XmlElement): string {
    return node.children.map(c => typeof c === 'string' ? c : textOf(c)).join('');
}
