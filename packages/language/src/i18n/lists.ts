/**
 * Lists inside messages (rules, language checks, editor texts). A plain list param joins with ", " (「、」 in
 * Japanese); these build the other joins as nested catalogue messages, so each locale words its own conjunction.
 */
import type { MessageId } from './catalogue.js';
import { msg, type MessageParam } from './message.js';

/** Items joined pairwise by the message `id`, whose text has `{first}` and `{rest}` ("a or b or c"). */
export function folded(id: MessageId, items: readonly MessageParam[]): MessageParam {
    return items.length <= 1 ? (items[0] ?? '') : msg(id, { first: items[0], rest: folded(id, items.slice(1)) });
}

/** "a or b or c". */
export function eitherOf(items: readonly MessageParam[]): MessageParam {
    return folded('list.or', items);
}

/** "a and b and c". */
export function eachOf(items: readonly MessageParam[]): MessageParam {
    return folded('list.andEach', items);
}

/** "a, b and c". */
export function allOf(items: readonly MessageParam[]): MessageParam {
    return items.length <= 1 ? (items[0] ?? '') : msg('list.and', { items: items.slice(0, -1), last: items.at(-1)! });
}
