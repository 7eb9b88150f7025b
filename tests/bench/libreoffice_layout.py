#!/usr/bin/env python3
"""How PDFs that a word processor typesets read in Pizhu: not part of the suite (it needs
LibreOffice, which Pizhu does not depend on), run by hand when the PDF layout rules change.

Each case writes a document as a flat OpenDocument file, has LibreOffice set it as a PDF (its own
line breaking, justification, Chinese spacing and footnotes, unlike QPdfWriter's in the suite),
opens it with `pizhu blocks` and compares block for block with what was set:

    apt-get install -y --no-install-recommends libreoffice-writer-nogui
    tests/bench/libreoffice_layout.py build/app/pizhu [OUTDIR]

Per case it prints the paragraphs that came out as exactly one block (spaces aside, and with
spaces), the headings found and claimed, and the characters set against those read (page
furniture aside), then the same in all.
"""
import html
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PUBLIC = os.path.join(HERE, '..', 'data', 'fixtures', 'public')
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
ZH_NUMERALS = '一二三四五六七八九十'


def text_props(font, size, bold=False, italic=False):
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ''
    slant = ' fo:font-style="italic"' if italic else ''
    return (f'<style:text-properties style:font-name="{font}" style:font-name-asian="{font}" '
            f'fo:font-size="{size}pt" style:font-size-asian="{size}pt"{weight}{slant}/>')


def paragraph_style(name, font, size, props, bold=False, italic=False, outline=0):
    level = f' style:default-outline-level="{outline}"' if outline else ''
    # Hanging punctuation is off: LibreOffice leaves a hanging 。 out of the PDF altogether.
    return (f'<style:style style:name="{name}" style:family="paragraph"{level}>'
            f'<style:paragraph-properties style:punctuation-wrap="simple" {props}/>'
            f'{text_props(font, size, bold, italic)}</style:style>')


class Document:
    """Paragraphs in named styles, and what each should come out as."""

    def __init__(self, fonts):
        self.fonts = fonts
        self.styles = []
        self.body = []
        self.expected = []  # (kind, text): kind is heading, paragraph or other
        self.columns = 1
        self.header = ''
        self.footer = ''

    def add(self, style, text, kind='paragraph', xml=None, outline=0):
        body = xml if xml is not None else html.escape(text)
        if outline:
            self.body.append(f'<text:h text:style-name="{style}" text:outline-level="{outline}">{body}</text:h>')
        else:
            self.body.append(f'<text:p text:style-name="{style}">{body}</text:p>')
        self.expected.append((kind, text))

    def fodt(self):
        faces = ''.join(f'<style:font-face style:name="{f}" svg:font-family="\'{f}\'"/>' for f in self.fonts)
        section = ''
        body = ''.join(self.body)
        if self.columns > 1:  # the title block above the columns, the rest in them
            section = ('<style:style style:name="Columns" style:family="section"><style:section-properties>'
                       f'<style:columns fo:column-count="{self.columns}" fo:column-gap="0.8cm"/>'
                       '</style:section-properties></style:style>')
            body = ''.join(self.body[:2]) + ('<text:section text:style-name="Columns" text:name="C">'
                                            + ''.join(self.body[2:]) + '</text:section>')
        header = f'<style:header><text:p text:style-name="Furniture">{self.header}</text:p></style:header>' if self.header else ''
        footer = f'<style:footer><text:p text:style-name="Furniture">{self.footer}</text:p></style:footer>' if self.footer else ''
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
                'office:mimetype="application/vnd.oasis.opendocument.text">'
                f'<office:font-face-decls>{faces}</office:font-face-decls>'
                f'<office:styles>{"".join(self.styles)}</office:styles>'
                f'<office:automatic-styles>{section}<style:page-layout style:name="A4"><style:page-layout-properties '
                'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" '
                'fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties '
                'fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style>'
                '<style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style>'
                '</style:page-layout></office:automatic-styles><office:master-styles><style:master-page '
                f'style:name="Standard" style:page-layout-name="A4">{header}{footer}</style:master-page>'
                f'</office:master-styles><office:body><office:text>{body}</office:text></office:body></office:document>')


def blocks_of(pizhu, path):
    out = subprocess.run([pizhu, 'blocks', path], capture_output=True, text=True, check=True).stdout
    return [line.split('\t', 2) for line in out.splitlines()]


def public_blocks(pizhu, name):
    """The blocks the text importer finds in a public document: what the typesetter sets."""
    return [(kind, text.strip()) for _, kind, text in blocks_of(pizhu, os.path.join(PUBLIC, name))]


def chinese_styles(doc, outline, ragged=False):
    body, head = 'Noto Serif CJK SC', 'Noto Sans CJK SC'
    align = 'start' if ragged else 'justify'
    doc.styles += [
        paragraph_style('Body', body, 16, f'fo:text-align="{align}" fo:text-indent="32pt" fo:line-height="28pt"'),
        paragraph_style('Title', body, 22, 'fo:text-align="center" fo:margin-bottom="16pt"'),
        paragraph_style('Sub', body, 16, 'fo:text-align="center" fo:margin-bottom="16pt"'),
        paragraph_style('H1', head, 16, 'fo:text-indent="32pt" fo:margin-top="12pt" fo:keep-with-next="always"',
                        outline=1 if outline else 0),
        paragraph_style('H2', body, 16, 'fo:text-indent="32pt" fo:margin-top="6pt" fo:keep-with-next="always"',
                        bold=True, outline=2 if outline else 0),
        paragraph_style('Cell', body, 16, ''),
        paragraph_style('Note', body, 11, ''),
        paragraph_style('Right', body, 16, 'fo:text-align="end" fo:margin-right="32pt"'),
        paragraph_style('Furniture', body, 12, 'fo:text-align="center"'),
    ]
    doc.footer = '— <text:page-number text:select-page="current"/> —'


def english_styles(doc, outline, ragged=False, spaced=False):
    body, head = 'DejaVu Serif', 'DejaVu Sans'
    align = 'start' if ragged else 'justify'
    spacing = 'fo:text-indent="0pt" fo:margin-bottom="7pt"' if spaced else 'fo:text-indent="16pt"'
    doc.styles += [
        paragraph_style('Body', body, 11, f'fo:text-align="{align}" {spacing} fo:line-height="15pt"'),
        paragraph_style('Title', head, 20, 'fo:text-align="center" fo:margin-bottom="8pt"', bold=True),
        paragraph_style('Sub', body, 11, 'fo:text-align="center" fo:margin-bottom="14pt"', italic=True),
        paragraph_style('H1', head, 16, 'fo:margin-top="12pt" fo:margin-bottom="6pt" fo:keep-with-next="always"',
                        bold=True, outline=1 if outline else 0),
        paragraph_style('H2', head, 13, 'fo:margin-top="8pt" fo:keep-with-next="always"',
                        bold=True, outline=2 if outline else 0),
        paragraph_style('Cell', body, 11, ''),
        paragraph_style('Note', body, 8, ''),
        paragraph_style('Furniture', body, 9, 'fo:text-align="center"'),
    ]
    doc.footer = '<text:page-number text:select-page="current"/>'


def heading(doc, level, text, outline):
    doc.add(f'H{level}', text, 'heading', outline=level if outline else 0)


def report(pizhu, name, chinese, outline, ragged=False, spaced=False, header=''):
    """A public document as it was written: its title lines centred, its headings larger or in
    another face, its paragraphs indented (or spaced); a work report closes with its issuer and
    date set to the right."""
    doc = Document(['Noto Serif CJK SC', 'Noto Sans CJK SC', 'DejaVu Serif', 'DejaVu Sans'])
    (chinese_styles if chinese else english_styles)(doc, outline, ragged, *([] if chinese else [spaced]))
    doc.header = html.escape(header)
    blocks = [b for b in public_blocks(pizhu, name) if b[0] in ('heading', 'paragraph', 'item')]
    seen_heading = False
    for index, (kind, text) in enumerate(blocks):
        if kind == 'heading':
            seen_heading = True
            level = 2 if text.startswith('（') or (text[:1].isdigit() and '、' not in text[:4]) else 1
            heading(doc, level, text, outline)
        elif not seen_heading and index < 3 and len(text) < 60:
            doc.add('Title' if index == 0 else 'Sub', text, 'other')
        else:
            doc.add('Body', text)
    if chinese:
        doc.add('Right', '国务院', 'other')
        doc.add('Right', '2023年2月6日', 'other')
    return doc


def structured(pizhu, chinese, columns=1, outline=False):
    """Headings at body size in another face, footnotes, a table with a cell that wraps, and a
    numbered list with hanging indents, in one or two columns."""
    doc = Document(['Noto Serif CJK SC', 'Noto Sans CJK SC', 'DejaVu Serif', 'DejaVu Sans'])
    (chinese_styles if chinese else english_styles)(doc, outline)
    doc.columns = columns
    size = 16 if chinese else 11
    doc.styles.append('<text:list-style style:name="Numbers"><text:list-level-style-number text:level="1" '
                      'style:num-suffix="." style:num-format="1"><style:list-level-properties '
                      'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
                      f'text:label-followed-by="listtab" text:list-tab-stop-position="{2 * size}pt" '
                      f'fo:text-indent="-{2 * size}pt" fo:margin-left="{2 * size}pt"/></style:list-level-properties>'
                      '</text:list-level-style-number></text:list-style>')
    doc.styles.append(paragraph_style('Item', doc.fonts[0 if chinese else 2], size, 'fo:text-align="justify"'))
    source = 'zh-gov-work-report-2021.txt' if chinese else 'en-alice-in-wonderland-pg11.txt'
    prose = [t for k, t in public_blocks(pizhu, source) if k == 'paragraph' and len(t) > 110]
    notes = (['数据来源：国家统计局年度统计公报。', '按可比价格计算，下同。', '含港澳台地区的进出口数据。']
             if chinese else ['Figures from the annual survey of the guild.', 'At constant prices; likewise below.',
                              'Including the river ports.'])
    doc.add('Title', '关于推进质量工作的实施意见' if chinese else 'A Report on the Quality of Workshops', 'other')
    doc.add('Sub', '（2024年1月15日）' if chinese else 'Prepared for the Council, January 2024', 'other')
    taken = 0
    for part in range(5):
        heading(doc, 1, f'{ZH_NUMERALS[part]}、第{ZH_NUMERALS[part]}部分的总体要求' if chinese
                else f'{part + 1} The Work of Part {part + 1}', outline)
        for section in range(2):
            heading(doc, 2, f'（{ZH_NUMERALS[section]}）推进第{section + 1}项重点任务' if chinese
                    else f'{part + 1}.{section + 1} Tasks of Section {section + 1}', outline)
            for k in range(3):
                text = prose[taken % len(prose)]
                taken += 1
                if k == 1 and part % 2 == 0 and section == 0:
                    note = notes[part // 2]
                    cut = len(text) // 2
                    xml = (html.escape(text[:cut]) + f'<text:note text:id="n{part}" text:note-class="footnote">'
                           f'<text:note-citation>{part // 2 + 1}</text:note-citation><text:note-body>'
                           f'<text:p text:style-name="Note">{html.escape(note)}</text:p></text:note-body></text:note>'
                           + html.escape(text[cut:]))
                    doc.add('Body', text[:cut] + str(part // 2 + 1) + text[cut:], xml=xml)
                    doc.expected.append(('other', str(part // 2 + 1) + note))
                else:
                    doc.add('Body', text)
        if part == 1:
            rows = ([['指标', '2020年', '2025年目标'], ['制造业产品质量合格率及竞争力指数', '84.0', '86.0'],
                     ['服务质量满意度', '80.3', '82.0']] if chinese else
                    [['Indicator', '2020', 'Target 2025'], ['Quality index of the workshops of the coast', '84.0', '86.0'],
                     ['Satisfaction', '80.3', '82.0']])
            cells = lambda row: ''.join('<table:table-cell office:value-type="string"><text:p text:style-name="Cell">'
                                        f'{html.escape(c)}</text:p></table:table-cell>' for c in row)
            doc.body.append('<table:table table:name="T"><table:table-column table:number-columns-repeated="3"/>'
                            + ''.join(f'<table:table-row>{cells(r)}</table:table-row>' for r in rows) + '</table:table>')
            doc.expected += [('paragraph', ' '.join(r)) for r in rows]
        if part == 3:
            items = []
            for k in range(4):
                text = prose[taken % len(prose)][:90 if chinese else 200]
                taken += 1
                items.append(f'<text:list-item><text:p text:style-name="Item">{html.escape(text)}</text:p></text:list-item>')
                doc.expected.append(('paragraph', f'{k + 1}. {text}'))
            doc.body.append(f'<text:list text:style-name="Numbers">{"".join(items)}</text:list>')
    return doc


def paper(pizhu):
    """An academic paper: an abstract set in from both sides in smaller type, numbered headings in
    bold at body size, the first paragraph after a heading flush, references with [n] labels."""
    doc = Document(['DejaVu Serif'])
    serif = 'DejaVu Serif'
    doc.styles += [
        paragraph_style('Body', serif, 10, 'fo:text-align="justify" fo:text-indent="12pt"'),
        paragraph_style('First', serif, 10, 'fo:text-align="justify"'),
        paragraph_style('Abstract', serif, 9, 'fo:text-align="justify" fo:margin-left="36pt" fo:margin-right="36pt" fo:margin-bottom="12pt"'),
        paragraph_style('Title', serif, 17, 'fo:text-align="center" fo:margin-bottom="8pt"', bold=True),
        paragraph_style('Sub', serif, 11, 'fo:text-align="center" fo:margin-bottom="14pt"', italic=True),
        paragraph_style('Centred', serif, 9, 'fo:text-align="center"', bold=True),
        paragraph_style('H1', serif, 10, 'fo:margin-top="10pt" fo:margin-bottom="4pt" fo:keep-with-next="always"', bold=True),
        paragraph_style('Reference', serif, 9, 'fo:text-align="justify" fo:margin-left="18pt" fo:text-indent="-18pt"'),
        paragraph_style('Furniture', serif, 8, 'fo:text-align="center"'),
    ]
    doc.footer = '<text:page-number text:select-page="current"/>'
    prose = [t for k, t in public_blocks(pizhu, 'en-alice-in-wonderland-pg11.txt') if k == 'paragraph' and len(t) > 200]
    doc.add('Title', 'On the Measurement of Rabbit Holes', 'other')
    doc.add('Sub', 'A. Liddell and C. Dodgson', 'other')
    doc.add('Centred', 'Abstract', 'heading')
    doc.add('Abstract', prose[0])
    taken = 1
    for n, name in enumerate(['Introduction', 'Related Work', 'Method', 'Results', 'Discussion']):
        doc.add('H1', f'{n + 1} {name}', 'heading')
        for k in range(3):
            doc.add('First' if k == 0 else 'Body', prose[taken])
            taken += 1
        for s in range(2 if n in (2, 3) else 0):
            doc.add('H1', f'{n + 1}.{s + 1} {["Setting", "Procedure"][s]}', 'heading')
            for k in range(2):
                doc.add('First' if k == 0 else 'Body', prose[taken])
                taken += 1
    doc.add('H1', 'References', 'heading')
    for r in range(6):
        doc.add('Reference', f'[{r + 1}] ' + prose[taken][:180], 'other')
        taken += 1
    return doc


def squeeze(text):
    return re.sub(r'\s+', '', text)


def score(pizhu, name, doc, outdir):
    base = os.path.join(outdir, name)
    with open(base + '.fodt', 'w', encoding='utf-8') as f:
        f.write(doc.fodt())
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', outdir, base + '.fodt'],
                   capture_output=True, check=True)
    return compare(name, doc.expected, blocks_of(pizhu, base + '.pdf'))


def compare(name, expected, got, written=lambda text: text):
    """Prints and returns how the blocks got (as `pizhu blocks` gives them) match the (kind, text)
    expected; written maps a text to the form it is compared in as written (a typesetter's quotes)."""
    got = [(kind, written(text)) for _, kind, text in got]
    expected = [(kind, written(text)) for kind, text in expected]
    texts = {squeeze(t) for _, t in got}
    exact = {t for _, t in got}
    paragraphs = [t for k, t in expected if k == 'paragraph']
    headings = {squeeze(t) for k, t in expected if k == 'heading'}
    claimed = [squeeze(t) for k, t in got if k == 'heading']
    figures = {
        'paragraphs': len(paragraphs),
        'one block': sum(squeeze(t) in texts for t in paragraphs),
        'as written': sum(t in exact for t in paragraphs),
        'headings': len(headings),
        'found': sum(h in claimed for h in headings),
        'claimed': len(claimed),
        'right': sum(h in headings for h in claimed),
        'set': len(''.join(squeeze(t) for _, t in expected)),
        'read': len(''.join(squeeze(t) for _, t in got)),
    }
    print(f'{name}: {figures["one block"]} of {figures["paragraphs"]} paragraphs one block '
          f'({figures["as written"]} with their spaces as written); headings {figures["found"]} of '
          f'{figures["headings"]} found, {figures["right"]} of {figures["claimed"]} claimed right; '
          f'{figures["read"]} characters read of {figures["set"]} set')
    for t in paragraphs:
        if squeeze(t) not in texts:
            print('    not one block:', t[:60])
    return figures


def print_total(figures, outdir):
    total = {}
    for case in figures:
        for key, value in case.items():
            total[key] = total.get(key, 0) + value
    print(f'in all: {100 * total["one block"] / total["paragraphs"]:.1f}% of {total["paragraphs"]} paragraphs one '
          f'block ({100 * total["as written"] / total["paragraphs"]:.1f}% with their spaces as written); heading '
          f'recall {total["found"] / total["headings"]:.3f}, precision {total["right"] / max(1, total["claimed"]):.3f}; '
          f'{total["read"]} characters read of {total["set"]} set; PDFs in {outdir}')


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pizhu = os.path.abspath(sys.argv[1])
    outdir = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix='pizhu-lo-')
    os.makedirs(outdir, exist_ok=True)
    cases = {
        'report-zh-outline': report(pizhu, 'zh-gov-work-report-2023.txt', True, True),
        'report-zh-faces': report(pizhu, 'zh-gov-work-report-2021.txt', True, False, header='政府工作报告'),
        'report-zh-ragged': report(pizhu, 'zh-gov-work-report-2021.txt', True, False, ragged=True),
        'novel-en-indented': report(pizhu, 'en-alice-in-wonderland-pg11.txt', False, True,
                                    header="Alice's Adventures in Wonderland"),
        'novel-en-spaced': report(pizhu, 'en-alice-in-wonderland-pg11.txt', False, False, spaced=True),
        'novel-en-ragged': report(pizhu, 'en-alice-in-wonderland-pg11.txt', False, False, ragged=True),
        'structured-zh': structured(pizhu, True),
        'structured-en': structured(pizhu, False),
        'structured-zh-outline': structured(pizhu, True, outline=True),
        'two-columns-zh': structured(pizhu, True, columns=2),
        'two-columns-en': structured(pizhu, False, columns=2),
        'paper-en': paper(pizhu),
    }
    print_total([score(pizhu, name, doc, outdir) for name, doc in cases.items()], outdir)

if __name__ == '__main__':
    main()
