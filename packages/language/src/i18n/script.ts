/** Hiragana, katakana or a CJK ideograph: a text containing one is (at least partly) written in Japanese. */
export const JAPANESE_SCRIPT = /[\u3040-\u30ff\u4e00-\u9fff]/u;
