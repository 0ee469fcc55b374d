/**
 * Text for SVG and HTML: markup characters as character references, and characters neither
 * should hold (C0 controls but tab and line breaks, DEL and C1 controls, lone surrogates,
 * U+FFFE and U+FFFF) as U+FFFD, so a document stays well-formed whatever a title or a name
 * from a file holds.
 *
 * @example escapeMarkup('<b> & \u0007') // => '&#60;b&#62; &#38; \ufffd'
 */
export const escapeMarkup = (text: string): string =>
  markupSafe(text)
    ? text
    : text
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Whether a text needs nothing of {@link escapeMarkup}: no markup character, and only tab, line
 * breaks, printable ASCII and characters from U+00A0 to U+FFFD outside the surrogates. Most
 * labels are, and then the two patterns need not run (V8 compiles each at its first use in a
 * process; docs/performance.md).
 */
function markupSafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const plain = (c >= 0x20 && c <= 0x7e && c !== 0x26 && c !== 0x3c && c !== 0x3e && c !== 0x22 && c !== 0x27) || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0xa0 && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd);
    if (!plain) return false;
  }
  return true;
}
