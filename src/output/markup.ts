/**
 * Text for SVG and HTML: markup characters as character references, and characters neither
 * should hold (C0 controls but tab and line breaks, DEL and C1 controls, lone surrogates,
 * U+FFFE and U+FFFF) as U+FFFD, so a document stays well-formed whatever a title or a name
 * from a file holds.
 *
 * @example escapeMarkup('<b> & \u0007') // => '&#60;b&#62; &#38; \ufffd'
 */
export const escapeMarkup = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
