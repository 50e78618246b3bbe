import { describe, expect, it } from 'vitest';
import { inlineSegments, proseBlocks } from './inline-text.ts';

describe('inlineSegments', () => {
  it('turns backticks into code and keeps the rest as text', () => {
    expect(inlineSegments('Brukeren `ronny` har sudo, via `pct enter 150`.')).toEqual([
      { t: 'text', text: 'Brukeren ' },
      { t: 'code', text: 'ronny' },
      { t: 'text', text: ' har sudo, via ' },
      { t: 'code', text: 'pct enter 150' },
      { t: 'text', text: '.' },
    ]);
  });

  it('keeps an unpaired or empty backtick pair as it is written', () => {
    expect(inlineSegments('it`s ok')).toEqual([{ t: 'text', text: 'it`s ok' }]);
    expect(inlineSegments('a `` b')).toEqual([{ t: 'text', text: 'a `` b' }]);
  });

  it('keeps a line break where the text has one', () => {
    expect(inlineSegments('one\ntwo')).toEqual([{ t: 'text', text: 'one' }, { t: 'break' }, { t: 'text', text: 'two' }]);
  });

  it('never makes markup of HTML: it stays text for Astro to escape', () => {
    expect(inlineSegments('<script>alert(1)</script> `<b>`')).toEqual([
      { t: 'text', text: '<script>alert(1)</script> ' },
      { t: 'code', text: '<b>' },
    ]);
  });
});

describe('proseBlocks', () => {
  it('splits paragraphs on blank lines and keeps a fenced command whole', () => {
    const text = 'Start the agent:\n\n```bash\nssh ronny@10.12.0.145\ncd /home/ronny\nclaude\n```\n\nThen wait.';
    expect(proseBlocks(text)).toEqual([
      { t: 'paragraph', inline: [{ t: 'text', text: 'Start the agent:' }] },
      { t: 'codeblock', text: 'ssh ronny@10.12.0.145\ncd /home/ronny\nclaude' },
      { t: 'paragraph', inline: [{ t: 'text', text: 'Then wait.' }] },
    ]);
  });

  it('gives nothing for no text', () => {
    expect(proseBlocks(undefined)).toEqual([]);
    expect(proseBlocks('  \n\n ')).toEqual([]);
  });
});
