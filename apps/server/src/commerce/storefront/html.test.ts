import { describe, expect, it } from 'vitest';
import { empty, escapeHtml, html, join, jsonScript, scriptJson, trusted } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = `<img src=x onerror="alert('x')">&amp;`;
    const out = html`<p title="${name}">${name}</p>`.text;
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;</p>',
    );
    expect(out).not.toContain('<img');
  });

  it('keeps nested templates and trusted markup as they are, and escapes the items of arrays', () => {
    const items = ['<b>', 'ok'];
    const out = html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>${trusted('<hr>')}${'<hr>'}`.text;
    expect(out).toBe('<ul><li>&lt;b&gt;</li><li>ok</li></ul><hr>&lt;hr&gt;');
  });

  it('renders nothing for null, undefined, false and empty, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${empty}${0}${12.5}`.text).toBe('012.5');
  });

  it('does not trust objects that merely look like rendered html', () => {
    const forged = { text: '<script>alert(1)</script>', toString: () => '<script>alert(1)</script>' };
    expect(html`${forged}`.text).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('joins with an escaped separator', () => {
    expect(join(['a<', html`<i>b</i>`], ' & ').text).toBe('a&lt; &amp; <i>b</i>');
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('JSON inside <script>', () => {
  const hostile = { name: '</script><script>alert(1)</script><!-- ]]> & \u2028\u2029' };

  it('cannot close the script element or open a comment, and still parses to the same value', () => {
    const text = scriptJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it('wraps the data in a typed script element', () => {
    const out = jsonScript('application/ld+json', hostile).text;
    expect(out.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(out.match(/<\/script>/g)).toHaveLength(1);
    const body = out.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(JSON.parse(body)).toEqual(hostile);
  });

  it('escapes an id given to it', () => {
    expect(jsonScript('application/json', 1, 'a"b').text).toBe(
      '<script type="application/json" id="a&quot;b">1</script>',
    );
  });
});
