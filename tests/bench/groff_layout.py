#!/usr/bin/env python3
"""How PDFs that a typesetter which hyphenates sets read in Pizhu: not part of the suite (it needs
groff, which Pizhu does not depend on), run by hand when the PDF layout rules change.

groff's ms macros set Alice's Adventures in Wonderland as troff and TeX set books: justified,
hyphenated, paragraphs indented, a running header and page numbers, in one and two columns, with
its chapters as unnumbered (.SH) and numbered (.NH) headings. Each PDF is opened with
`pizhu blocks` and compared block for block with what was set, as libreoffice_layout.py does
(and with its figures):

    apt-get install -y --no-install-recommends groff
    tests/bench/groff_layout.py build/app/pizhu [OUTDIR]

groff sets ' and " as typographic quotes and -- as a dash: those are compared as written. A word
it hyphenated must come out whole, a hyphen of the word's own must stay.
"""
import os
import subprocess
import sys
import tempfile

import libreoffice_layout as lo

TYPOGRAPHIC = str.maketrans({'’': "'", '‘': "'", '“': '"', '”': '"'})


def as_written(text):
    return text.translate(TYPOGRAPHIC).replace('—', '--')


def troff_text(text):
    # A backslash is troff's escape; a line that starts with . or ' would be a request.
    return '\\&' + text.replace('\\', '\\e')


def case(pizhu, outdir, columns, numbered):
    name = f'groff-{columns}-column{"s" if columns > 1 else ""}-{"numbered" if numbered else "unnumbered"}'
    source = ['.nr PS 11', '.nr VS 13', ".ds LH Alice's Adventures in Wonderland", '.ds CH',
              '.ds CF \\- % \\-']
    if columns == 2:
        source.append('.2C')
    expected = []
    chapter = 0
    for kind, text in lo.public_blocks(pizhu, 'en-alice-in-wonderland-pg11.txt'):
        if kind == 'heading' and text.startswith('CHAPTER'):
            chapter += 1
            title = text.split('.', 1)[1].strip() if numbered and '.' in text else text
            source += ['.NH 1' if numbered else '.SH', troff_text(title)]
            expected.append(('heading', f'{chapter}. {title}' if numbered else text))
        elif kind == 'paragraph' and chapter > 0 and not text.startswith('*'):
            source += ['.PP', troff_text(text)]
            expected.append(('paragraph', text))
    base = os.path.join(outdir, name)
    with open(base + '.ms', 'w', encoding='utf-8') as f:
        f.write('\n'.join(source) + '\n')
    with open(base + '.pdf', 'wb') as f:
        subprocess.run(['groff', '-ms', '-k', '-Tpdf', base + '.ms'], stdout=f, check=True)
    return lo.compare(name, expected, lo.blocks_of(pizhu, base + '.pdf'), as_written)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pizhu = sys.argv[1]
    outdir = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix='pizhu-groff-')
    os.makedirs(outdir, exist_ok=True)
    lo.print_total([case(pizhu, outdir, columns, numbered) for columns in (1, 2) for numbered in (False, True)],
                   outdir)


if __name__ == '__main__':
    main()
