import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { fitToXhtml, strictUri, toXml, xmlAttr, xmlText } from '../../../../electron/library/export/xhtml.js';

const fit = (html: string) => toXml(fitToXhtml(parseDocument(html, { decodeEntities: true }).children));

describe('fitToXhtml', () => {
  const cases: [string, string, string][] = [
    // (htmlparser2 already closes a <p> at a <ul> and an <a> at an <a>, so spans and <b> keep them open here.)
    [
      'a list inside phrasing becomes phrasing, line breaks kept',
      '<span>a <ul><li>x</li></ul> b</span>',
      '<span>a <span><span>x</span><br/></span><br/> b</span>',
    ],
    [
      'a link inside a link loses its link',
      '<a href="https://a.invalid/">x <b><a href="https://b.invalid/">y</a></b></a>',
      '<a href="https://a.invalid/">x <b><span>y</span></b></a>',
    ],
    ['text and stray elements in a list are wrapped in items', '<ul>t<li>i</li><p>p</p></ul>', '<ul><li>t</li><li>i</li><li><p>p</p></li></ul>'],
    ['a list item outside a list becomes a div', '<li>x</li>', '<div>x</div>'],
    ['a definition list gets a term first and a definition last', '<dl><dd>d</dd><dt>t</dt></dl>', '<dl><dt></dt><dd>d</dd><dt>t</dt><dd></dd></dl>'],
    [
      'cells and text in a table are put in rows, sections in order',
      '<table><td>c</td><tfoot><tr><td>f</td></tr></tfoot><caption>cap</caption><tr><td>r</td></tr></table>',
      '<table><caption>cap</caption><tbody><tr><td>c</td></tr><tr><td>r</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    ],
    ['a table row outside a table becomes a div', '<tr><td>x</td></tr>', '<div><div>x</div></div>'],
    ['details get a summary first', '<details><p>x</p></details>', '<details><summary>Details</summary><p>x</p></details>'],
    [
      'a figcaption in the middle becomes a div',
      '<figure><p>a</p><figcaption>c</figcaption><p>b</p></figure>',
      '<figure><p>a</p><div>c</div><p>b</p></figure>',
    ],
    [
      'invalid attribute values are dropped, booleans spelled out',
      '<ol start="x" reversed><li value="2">a</li></ol><p lang="en_GB" dir="up">b</p><img src="data:image/png;base64,AA" width="100%">',
      '<ol reversed="reversed"><li value="2">a</li></ol><p>b</p><img src="data:image/png;base64,AA" alt=""/>',
    ],
    [
      'images a reading system may not show become their text',
      '<img src="data:image/webp;base64,AA" alt="w"><img src="data:image/avif;base64,AA">',
      '[image: w][image]',
    ],
    ['time elements become spans', '<time datetime="nope">then</time>', '<span>then</span>'],
    [
      'a heading inside a table header cell becomes a div',
      '<table><tr><th><h2>h</h2></th></tr></table>',
      '<table><tr><th><div>h</div></th></tr></table>',
    ],
    ['an hr inside phrasing becomes a line break', '<em>a<hr>b</em>', '<em>a<br/>b</em>'],
    [
      'links lose target and rel; hrefs become strict URIs',
      '<a href="https://x.invalid/a b#c#d" target="_blank" rel="noopener">l</a>',
      '<a href="https://x.invalid/a%20b#c%23d">l</a>',
    ],
  ];
  for (const [what, html, xml] of cases) {
    it(what, () => expect(fit(html)).toBe(xml));
  }

  it('keeps all the text of a deeply broken body', () => {
    const html =
      '<table><caption><table><tr><td>deep</td></tr></table></caption></table><span><div><ul><li><table><tr><td>cell</td></tr></table></li></ul></div></span>';
    const text = (s: string) => s.replace(/<[^>]+>/g, '');
    expect(text(fit(html))).toBe('deepcell');
  });
});

describe('XML text', () => {
  it('drops characters XML 1.0 forbids and escapes markup', () => {
    expect(xmlText('a\u0000b\u0001c\u000bd\ufffee\ud800f\t\n\r<&>\u{1f680}')).toBe('abcdef\t\n\r&lt;&amp;&gt;\u{1f680}');
    expect(xmlAttr('"a"\tb\nc')).toBe('&quot;a&quot;&#9;b&#10;c');
  });
});

describe('strictUri', () => {
  it('percent-encodes what RFC 3986 does not allow, leaving valid URIs alone', () => {
    expect(strictUri('https://matrix.to/#/#room:matrix.org')).toBe('https://matrix.to/#/%23room:matrix.org');
    expect(strictUri('https://x.invalid/p|q^r[s]{t}"u"<v>`w`')).toBe('https://x.invalid/p%7Cq%5Er%5Bs%5D%7Bt%7D%22u%22%3Cv%3E%60w%60');
    expect(strictUri('https://[::1]:8080/a?b=c&d=%zz')).toBe('https://[::1]:8080/a?b=c&d=%25zz');
    expect(strictUri('mailto:a@b.invalid?subject=Hi there')).toBe('mailto:a@b.invalid?subject=Hi%20there');
    expect(strictUri('https://x.invalid/caf%C3%A9?q=ok#frag')).toBe('https://x.invalid/caf%C3%A9?q=ok#frag');
  });
});
