import { Flowchart } from './flowchart.ts';
import type { DiagramSpec } from './types.ts';

/** Strings that try to break out of a Mermaid label, run script, or fetch something. */
export const HOSTILE_STRINGS = [
  'plain æøå ÆØÅ',
  '"double" quotes',
  "it's",
  '"] --> x',
  '[brackets] (parens) {braces}',
  '(( )) [[ ]] {{ }} [( )] >] {[',
  '#quot; #35; #60; &#60; &lt;b&gt; &amp;',
  '%%{init: {"theme":"dark"}}%%',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<b>bold</b><br/>',
  '$$x^2$$',
  'fa:fa-x fab:fa-github',
  'end',
  'class',
  '__proto__',
  'subgraph',
  'click n0 call alert()',
  'A-->B; B---C; C==>D; D-.->E',
  'pipe | pipe || -->|x|',
  '`code` **bold** _it_',
  'back\\slash \\n',
  'semi; colon: ::: style',
  'ﬂ°°35¶ß',
  'RTL עברית العربية',
  'emoji 🚒 👩‍💻 🇳🇴',
  'line one\nline two',
  '{{ template }} ${x} <%= x %>',
];

/** One diagram with every hostile string as a node label, subgraph title and edge label. */
export function hostileSpec(id: string): DiagramSpec {
  const b = new Flowchart(
    'TB',
    `Title ${HOSTILE_STRINGS[7]} ${HOSTILE_STRINGS[8]}`,
    `Description ${HOSTILE_STRINGS[1]}`,
    () => '/guests/x/',
  );
  b.subgraph(HOSTILE_STRINGS[2]!, () => {
    // Odd nodes get a second line, as generated labels do ("name\nLXC 110"): Mermaid treats
    // multi-line labels differently, and that path must be just as literal.
    HOSTILE_STRINGS.forEach((s, i) => b.node(`k${i}`, i % 2 ? `${s}\nline two` : s, { link: i % 2 === 0 }));
  });
  HOSTILE_STRINGS.forEach((s, i) => {
    if (i > 0) b.edge(`k${i - 1}`, `k${i}`, { label: `E${i} ${s}` });
  });
  return { id, source: 'test:hostile', title: 'hostile', description: 'hostile', mermaid: b.toString() };
}
