/**
 * The little XML a workbook's parts need: element starts and ends with their attributes, and text,
 * in document order. Not a general XML parser: no DTD (a DOCTYPE is skipped, so no entity it
 * declares is ever expanded), comments and processing instructions skipped, CDATA passed on as
 * text. Namespace prefixes are dropped from element and attribute names (`x:c` → `c`,
 * `r:id` → `id`), as the parts are read by local name. Text is passed on exactly as written
 * (entities decoded); xml:space only tells editors whether to keep white space, and the reader
 * keeps all of it — the cell reader trims strings, as read-excel-file did.
 */

export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlVisitor {
  open?(name: string, attrs: XmlAttributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** &amp; &lt; &gt; &quot; &apos; and numeric references; anything else is left as written. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(tag: string): XmlAttributes {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) attrs[localName(m[1] ?? '')] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** Where the markup starting at `lt` ends (index after it), for the constructs that are not elements. */
function skipSpecial(xml: string, lt: number, visit: XmlVisitor): number | null {
  if (xml.startsWith('<!--', lt)) return end(xml, '-->', lt);
  if (xml.startsWith('<![CDATA[', lt)) {
    const close = end(xml, ']]>', lt);
    visit.text?.(xml.slice(lt + 9, close - 3));
    return close;
  }
  if (xml.startsWith('<?', lt)) return end(xml, '?>', lt);
  if (xml.startsWith('<!', lt)) return end(xml, '>', lt);
  return null;
}

/** The index after the `>` closing the tag at `lt` (a `>` inside a quoted attribute value does not close it). */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  throw new Error('xlsx: unterminated XML tag');
}

function end(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new Error('xlsx: unterminated XML markup');
  return at + marker.length;
}

/** Walks `xml` once, calling the visitor in document order. Throws on unterminated markup. */
export function walkXml(xml: string, visit: XmlVisitor): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      if (visit.text && at < xml.length) visit.text(decodeEntities(xml.slice(at)));
      return;
    }
    if (lt > at && visit.text) visit.text(decodeEntities(xml.slice(at, lt)));
    const special = skipSpecial(xml, lt, visit);
    if (special !== null) {
      at = special;
      continue;
    }
    const gt = tagEnd(xml, lt);
    const tag = xml.slice(lt + 1, gt - 1);
    if (tag[0] === '/') {
      visit.close?.(localName(tag.slice(1).trim()));
    } else {
      const selfClosing = tag.endsWith('/');
      const nameEnd = tag.search(/[\s/]|$/);
      const name = localName(tag.slice(0, nameEnd));
      visit.open?.(name, attributesOf(tag.slice(nameEnd)), selfClosing);
      if (selfClosing) visit.close?.(name);
    }
    at = gt;
  }
}
