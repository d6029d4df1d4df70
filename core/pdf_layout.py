"""An fpdf2 base for official documents in the layout of Decree 30/2020/NĐ-CP (Appendix I).

Generic on purpose: the closing report and the budget estimate both build on it. It knows
the layout (A4, margins, letterhead, title, body paragraphs, tables, "Nơi nhận:" and the
signature block, page numbers from page 2), not what a document says.

    doc = OfficialDocument(Letterhead(...), creation_date=fixed_datetime)
    doc.start()                       # first page + letterhead
    doc.document_title("BÁO CÁO", "Kết quả ...")
    doc.heading("I. KHÁI QUÁT"); doc.paragraph("...")
    doc.data_table(["A", "B"], rows, widths=[120, 45], align=["L", "R"])
    doc.closing(["Sở GDĐT Hà Nội", "Lưu: VT"], Signature("TM. ...\\nTRƯỞNG BAN", "...", "..."))
    pdf_bytes = doc.to_bytes()

Every string goes through `printable()`: NFC, and characters the shipped font has no glyph
for (emoji, variation selectors, control characters) are dropped, so fpdf2 never logs a
missing-glyph warning and nothing prints as an empty box.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FAMILY = "LiberationSerif"
FONT_FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}

# Decree 30/2020, Appendix I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
BODY_SIZE = 13            # body text 13–14 pt
SMALL_SIZE = 11           # the "Nơi nhận" list, table cells
NOTE_SIZE = 12            # a table's note, under it
TAIL_ROWS = 3             # rows of a table that move with its note to the next page
LINE = 6.2                # mm per body line (about 1.2 × 13 pt)
FIRST_LINE_INDENT = 10    # 1–1.27 cm
PARAGRAPH_GAP = 2.2       # ≥ 6 pt between paragraphs
LEFT_BLOCK = 68           # width of the issuing-body column (mm)
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Nơi nhận:"


@dataclass(frozen=True)
class Letterhead:
    issuer_line1: str        # superior body, upper case, not bold ("UBND QUẬN BA ĐÌNH")
    issuer_line2: str        # issuing body, upper case, bold
    number: str              # what follows "Số: " ("…/BC-BCĐXHHT")
    place: str               # "Ba Đình"
    issued_on: date | None   # None: "ngày … tháng … năm …", for the office to fill in


@dataclass(frozen=True)
class Signature:
    authority: str           # "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN" (one or more lines)
    title: str               # "PHÓ CHỦ TỊCH UBND QUẬN" (may be empty)
    name: str                # "Phạm Thị Diễm"


def date_line(place: str, day: date | None) -> str:
    """'Ba Đình, ngày 07 tháng 10 năm 2020' (day and months 1–2 written with a leading 0,
    as the decree asks); without a day 'Ba Đình, ngày … tháng … năm …'."""
    if day is None:
        return f"{place}, ngày … tháng … năm …"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points every shipped style has a glyph for."""
    from fontTools.ttLib import TTFont

    sets = [set(TTFont(FONT_DIR / name).getBestCmap()) for name in FONT_FILES.values()]
    return frozenset(set.intersection(*sets))


def printable(text) -> str:
    """NFC text restricted to what the font can draw: tabs become spaces; control and
    format characters and glyph-less characters (emoji, ZWJ, variation selectors) are
    dropped."""
    text = unicodedata.normalize("NFC", "" if text is None else str(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    covered = _covered()
    # Format characters (ZWJ, bidi marks, BOM) would print as invisible junk in the text.
    return "".join(ch for ch in text if ch == "\n" or (
        ord(ch) in covered and unicodedata.category(ch) != "Cf"))


class OfficialDocument(FPDF):
    def __init__(self, letterhead: Letterhead, *, creation_date: datetime | None = None,
                 subject: str = "", draft_mark: str = ""):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.letterhead = letterhead
        self.draft_mark = draft_mark  # e.g. "DỰ THẢO": printed at the top of every page
        self.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / name))
        self.set_font(FAMILY, "", BODY_SIZE)
        # A fixed creation date makes the same data give the same bytes.
        when = creation_date or (datetime.combine(letterhead.issued_on, datetime.min.time())
                                 if letterhead.issued_on else datetime(2000, 1, 1))
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        self.set_creation_date(when)
        self.set_creator("Lifelong Learning Week tracker")
        self.set_title(printable(subject))
        self.set_lang("vi")

    # -- page furniture ------------------------------------------------------------------
    def header(self):
        """Page numbers from page 2, centred in the top margin; the draft mark (if any) in
        a frame at the top right of every page."""
        if self.draft_mark:
            self.set_font(FAMILY, "B", 12)
            mark = printable(self.draft_mark)
            width = self.get_string_width(mark) + 6
            self.set_draw_color(180, 0, 0)
            self.set_text_color(180, 0, 0)
            self.set_line_width(0.4)
            self.set_xy(self.w - self.r_margin - width, 8)
            self.cell(width, 7, mark, border=1, align="C")
            self.set_draw_color(0, 0, 0)
            self.set_text_color(0, 0, 0)
        if self.page_no() < 2:
            self.set_xy(self.l_margin, self.t_margin)
            return
        self.set_xy(self.l_margin, 9)
        self.set_font(FAMILY, "", BODY_SIZE)
        self.cell(self.epw, 6, str(self.page_no()), align="C")
        self.set_xy(self.l_margin, self.t_margin)

    def text_width(self) -> float:
        return self.epw

    # -- building blocks -----------------------------------------------------------------
    def start(self) -> None:
        """First page with the letterhead: issuing body left, national title right, number
        under the issuing body, place and date in italics under the motto."""
        self.add_page()
        head = self.letterhead
        top = self.t_margin
        right_x = self.l_margin + LEFT_BLOCK
        right_w = self.epw - LEFT_BLOCK

        size1 = self._fit(head.issuer_line1.upper(), "", LEFT_BLOCK, 13, 10)
        size2 = self._fit(head.issuer_line2.upper(), "B", LEFT_BLOCK, 13, 10)
        self._centred(self.l_margin, top, LEFT_BLOCK, head.issuer_line1.upper(), "", size1)
        y = self._centred(self.l_margin, top + 5.8, LEFT_BLOCK, head.issuer_line2.upper(),
                          "B", size2)
        self._rule(self.l_margin, LEFT_BLOCK, y + 0.8, LEFT_BLOCK * 0.4)

        size_nat = self._fit(NATIONAL_TITLE, "B", right_w, 13, 10)
        self._centred(right_x, top, right_w, NATIONAL_TITLE, "B", size_nat)
        y = self._centred(right_x, top + 5.8, right_w, MOTTO, "B", 13)
        self.set_font(FAMILY, "B", 13)
        self._rule(right_x, right_w, y + 0.8, self.get_string_width(MOTTO))

        line_y = top + 15
        self._centred(self.l_margin, line_y, LEFT_BLOCK, f"Số: {head.number}", "", 13)
        self._centred(right_x, line_y, right_w, date_line(head.place, head.issued_on), "I", 13)
        self.set_xy(self.l_margin, line_y + 14)

    def document_title(self, kind: str, subject: str = "") -> None:
        """The document kind in bold capitals ("BÁO CÁO"), then its subject in bold."""
        self.set_font(FAMILY, "B", 14)
        self.multi_cell(self.epw, 7, printable(kind.upper()), align="C",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if subject:
            self.multi_cell(self.epw, 7, printable(subject), align="C",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._rule(self.l_margin, self.epw, self.get_y() + 1, 40)
        self.ln(8)

    def heading(self, text: str) -> None:
        """A section heading ("I. KẾT QUẢ"); drawn with what follows it, so that it is
        never left alone at the foot of a page."""
        self.__dict__.setdefault("_pending", []).append(("B", text, 1.5, 1))

    def subheading(self, text: str) -> None:
        self.__dict__.setdefault("_pending", []).append(("BI", text, 0, 0.5))

    def _flush_headings(self, need: float) -> None:
        """Draw the headings waiting for content, on a new page unless they and `need` mm
        of what follows fit here."""
        pending = self.__dict__.get("_pending") or []
        if not pending:
            return
        self._pending = []
        heights = []
        for style, text, before, after in pending:
            self.set_font(FAMILY, style, BODY_SIZE)
            lines = self.multi_cell(self.epw, LINE, printable(text), dry_run=True,
                                    output="LINES")
            heights.append(before + LINE * len(lines) + after)
        self._keep_space(sum(heights) + need)
        for style, text, before, after in pending:
            self.ln(before)
            self.set_font(FAMILY, style, BODY_SIZE)
            self.multi_cell(self.epw, LINE, printable(text), align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(after)

    def paragraph(self, text: str, *, indent: bool = True, style: str = "",
                  align: str = "J", size: float = BODY_SIZE) -> None:
        """Justified body text, first line indented; a blank line in `text` starts a new
        paragraph. Markup is printed as typed, never interpreted."""
        self._flush_headings(LINE * 2)
        for block in printable(text).split("\n"):
            block = " ".join(block.split())
            if not block:
                continue
            self.set_font(FAMILY, style, size)
            with self.text_columns(text_align=Align.coerce(align), line_height=1.2,
                                   skip_leading_spaces=True) as columns:
                with columns.paragraph(first_line_indent=FIRST_LINE_INDENT if indent else 0,
                                       bottom_margin=PARAGRAPH_GAP) as par:
                    par.write(block)
            self.set_x(self.l_margin)

    def bullets(self, items, *, size: float = BODY_SIZE) -> None:
        """'- item' lines with a hanging indent. (fpdf2's paragraph `indent` shifts the
        text right without narrowing it, so long items ran past the right margin.)"""
        self._flush_headings(LINE * 2)
        self.set_font(FAMILY, "", size)
        dash_x = self.l_margin + FIRST_LINE_INDENT
        text_x = dash_x + 4
        for item in items:
            self.set_x(dash_x)
            self.cell(text_x - dash_x, size * 1.2 * 0.3528, "-")
            self.multi_cell(self.w - self.r_margin - text_x, size * 1.2 * 0.3528,
                            " ".join(printable(item).split()), align=Align.J,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1)
        self.set_x(self.l_margin)

    def label_value(self, label: str, value: str) -> None:
        """'Label: value' on one justified paragraph, label in bold."""
        self._flush_headings(LINE * 2)
        self.set_font(FAMILY, "", BODY_SIZE)
        with self.text_columns(text_align=Align.J, line_height=1.2) as columns:
            with columns.paragraph(first_line_indent=FIRST_LINE_INDENT,
                                   bottom_margin=PARAGRAPH_GAP) as par:
                self.set_font(FAMILY, "B", BODY_SIZE)
                par.write(printable(label) + ": ")
                self.set_font(FAMILY, "", BODY_SIZE)
                par.write(" ".join(printable(value).split()))
        self.set_x(self.l_margin)

    def data_table(self, headers, rows, *, widths, align=None, size: float = SMALL_SIZE,
                   total_row=None, caption: str = "", bold_rows=(), note: str = "",
                   keep_after: float = 0) -> None:
        """A bordered table; the heading row repeats on every page it runs over.
        `widths` in mm (scaled to the text width), `align` one of L/C/R per column;
        `total_row` (optional) is printed in bold at the end, as are the rows whose
        indexes are in `bold_rows` (group subtotals); `note` (optional) is printed under
        the table, in italics, on the page of its last rows (they move with it if need
        be); `keep_after` mm more are kept free under the last rows the same way (what
        follows the table and must not stand alone). The heading row is set small enough
        that no word of it is broken."""
        align = list(align or ["L"] * len(headers))
        body = [list(r) for r in rows] + ([list(total_row)] if total_row else [])
        bold = set(bold_rows) | ({len(body) - 1} if total_row is not None else set())
        styled = [("B" if i in bold else "", values) for i, values in enumerate(body)]
        col = [w * self.epw / sum(widths) for w in widths]
        head_size = self._whole_words_size(headers, col, "B", size)
        # our own texts of the table (its heading, its total row), for the layout tests
        self.__dict__.setdefault("fixed_rows", []).append((list(headers), col, "B", head_size))
        if total_row:
            self.fixed_rows.append(([str(c) for c in total_row], col, "B", size))
        note_h = self._note_height(note) + keep_after
        # the caption moves with the table: a short table is kept on one page, a long one
        # starts where at least its heading and first row fit
        need = (LINE if caption else 0) + self._grid_need(headers, styled, col, align, size,
                                                          head_size, after=note_h)
        self._flush_headings(need)
        self._keep_space(need)
        if caption:
            self.set_font(FAMILY, "I", BODY_SIZE - 1)
            self.multi_cell(self.epw, LINE, printable(caption), align="C",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._grid(headers, styled, col, align, size, head_size, note_h)
        self.set_font(FAMILY, "", BODY_SIZE)
        if note:
            self.ln(1.5)
            self.paragraph(note, style="I", size=NOTE_SIZE)
        else:
            self.ln(3)

    def _note_height(self, note: str) -> float:
        if not note:
            return 0.0
        self.set_font(FAMILY, "I", NOTE_SIZE)
        lines = self.multi_cell(self.epw - FIRST_LINE_INDENT, NOTE_SIZE * 1.2 * 0.3528,
                                " ".join(printable(note).split()), dry_run=True,
                                output="LINES")
        return 1.5 + len(lines) * NOTE_SIZE * 1.2 * 0.3528 + PARAGRAPH_GAP + 1

    def _whole_words_size(self, cells, col, style: str, size: float) -> float:
        """The largest size (from `size` down to 7 pt) at which every word of `cells` fits
        its column: a heading is wrapped between words, never inside one («Cộng khối
        trường học» must not read «Cộng khối trường h|ọc»)."""
        room = [w - 2 * self.PAD_X for w in col]
        current = size
        while current > 7 and any(self._width(word, style, current) > r
                                  for text, r in zip(cells, room)
                                  for word in printable(str(text)).split()):
            current -= 0.5
        return current

    def broken_words(self, cells, col, style: str, size: float) -> list[str]:
        """Cells whose wrapping at `size` breaks a word (what the layout test checks)."""
        out = []
        for text, w in zip(cells, col):
            lines = self._wrap(str(text), style, size, w - 2 * self.PAD_X)
            if " ".join(" ".join(lines).split()) != " ".join(printable(str(text)).split()):
                out.append(str(text))
        return out

    # -- a fast bordered table ------------------------------------------------------------
    # fpdf2's table() lays out every cell as a paragraph through its bidi/line-break
    # machinery: ~3 ms a cell, most of the report's build time. Cells here are plain text
    # wrapped on spaces with the font's own advance widths.
    PAD_X, PAD_Y = 1.2, 0.8

    def _advance(self, style: str):
        fonts = self.__dict__.setdefault("_advances", {})
        if style not in fonts:
            self.set_font(FAMILY, style, BODY_SIZE)
            fonts[style] = self.current_font.cw
        return fonts[style]

    def _width(self, text: str, style: str, size: float) -> float:
        cw = self._advance(style)
        return sum(cw[ord(c)] for c in text) * size * 0.001 / self.k

    # A table cell never grows past this many lines: longer text (a name within the entry
    # limits can still be long in a narrow column) is shortened with "…" (issue 25 item 4).
    MAX_CELL_LINES = 20
    ELLIPSIS = "…"

    def _wrap(self, text: str, style: str, size: float, width: float) -> list[str]:
        """The text's lines in a column `width` mm wide: words wrapped on spaces, a word
        wider than the column broken between characters. Linear in the text's length
        (each character's advance is read once; no prefix is measured again), and it stops
        after MAX_CELL_LINES lines, the last ending in "…" when text was left out."""
        cw = self._advance(style)
        limit = width * self.k / (size * 0.001)  # the width in font units
        space = cw[ord(" ")]
        lines: list[str] = []
        cap = self.MAX_CELL_LINES
        for block in printable(text).split("\n"):
            words, used = [], 0.0  # the current line's words and its width
            for word in block.split():
                advances = [cw[ord(c)] for c in word]
                w = sum(advances)
                if words and used + space + w > limit:
                    lines.append(" ".join(words))
                    words, used = [], 0.0
                if w > limit:  # a word longer than the column: break it once, greedily
                    start, run = 0, 0.0
                    for i, a in enumerate(advances):
                        if i > start and run + a > limit:
                            lines.append(word[start:i])
                            start, run = i, 0.0
                            if len(lines) > cap:
                                break
                        run += a
                    word, w = word[start:], run
                if len(lines) > cap:
                    break
                words.append(word)
                used = used + space + w if len(words) > 1 else w
            lines.append(" ".join(words))
            if len(lines) > cap:
                break
        if len(lines) > cap:
            lines = lines[:cap]
            lines[-1] = self._shortened(lines[-1], cw, limit)
        return lines or [""]

    def _shortened(self, line: str, cw, limit: float) -> str:
        """The line with "…" at its end, cut so that both fit the column."""
        room = limit - cw[ord(self.ELLIPSIS)]
        used, out = 0.0, []
        for c in line:
            used += cw[ord(c)]
            if used > room:
                break
            out.append(c)
        return "".join(out).rstrip() + self.ELLIPSIS

    def _grid_row(self, cells, col, align, size, style, line_h, *, measure=False):
        wrapped = [self._wrap(str(v), style, size, w - 2 * self.PAD_X)
                   for v, w in zip(cells, col)]
        height = max(len(lines) for lines in wrapped) * line_h + 2 * self.PAD_Y
        if measure:
            return height
        x, y = self.l_margin, self.get_y()
        self.set_font(FAMILY, style, size)
        for lines, w, a in zip(wrapped, col, align):
            self.rect(x, y, w, height)
            for i, line in enumerate(lines):
                if not line:
                    continue
                lw = self._width(line, style, size)
                tx = (x + self.PAD_X if a == "L" else x + w - self.PAD_X - lw if a == "R"
                      else x + (w - lw) / 2)
                self.text(tx, y + self.PAD_Y + i * line_h + line_h * 0.78, line)
            x += w
        self.set_xy(self.l_margin, y + height)
        return height

    def _grid_need(self, headers, rows, col, align, size, head_size=None,
                   after: float = 0) -> float:
        """Height to keep free before a table: all of it and `after` (its note) if that
        fits on this page, else its heading and first five rows (a table is split only
        with a useful part here; the heading repeats on the next page, the note follows
        the last rows)."""
        line_h = size * 0.5
        head_h = self._head_row(headers, col, head_size or size, measure=True)
        heights = [self._grid_row(cells, col, align, size, style, line_h, measure=True)
                   for style, cells in rows[:41]]
        whole = head_h + sum(heights) + after
        if len(rows) <= 40 and self.get_y() + whole <= self.h - self.b_margin:
            return whole
        return head_h + sum(heights[:5])

    def _head_row(self, headers, col, size, *, measure=False):
        return self._grid_row(headers, col, ["C"] * len(col), size, "B", size * 0.5,
                              measure=measure)

    def _grid(self, headers, rows, col, align, size, head_size=None, after: float = 0
              ) -> None:
        """`rows`: (style, cells). The heading row repeats after every page break; the
        last row moves to the next page unless `after` mm (the table's note) fit under it."""
        line_h = size * 0.5
        head_size = head_size or size
        self.set_line_width(0.2)
        self._head_row(headers, col, head_size)
        heights = [self._grid_row(cells, col, align, size, style, line_h, measure=True)
                   for style, cells in rows]
        tail_from = max(0, len(rows) - TAIL_ROWS) if after else len(rows)
        for i, (style, cells) in enumerate(rows):
            height = heights[i]
            if i == tail_from and i > 0:
                # the last rows and what must follow them: together, or on the next page
                height = sum(heights[i:]) + after
            elif i == len(rows) - 1:
                height += after
            if self.get_y() + height > self.h - self.b_margin:
                self.add_page()
                self._head_row(headers, col, head_size)
            self._grid_row(cells, col, align, size, style, line_h)
        self.last_table_page = self.page_no()

    def compact_table(self, headers, rows, *, widths, align, size: float = 9,
                      row_height: float = 4.6) -> None:
        """A fast one-line-per-row table for long lists (the per-unit appendix): every cell
        is one line (text too long for its column is set smaller, down to 6.5 pt, then cut
        with '…'), heading row repeated on every page. A row given as ("group", text) is a
        bold line across the whole width, one given as ("total", cells) a bold row."""
        col = [w * self.epw / sum(widths) for w in widths]
        self.set_line_width(0.2)

        def fit(text: str, w: float, style: str) -> tuple[str, float]:
            # The text is measured once (its width scales with the size) and cut in one
            # pass: cutting a character at a time and measuring again was quadratic (a
            # 10 000-character name stored before the limits took 8 s a cell).
            room, current = w - 2 * self.PAD_X, size
            per_point = self._width(text, style, 1.0)
            while per_point * current > room and current > 6.5:
                current -= 0.5
            if per_point * current > room:
                limit = room * self.k / (current * 0.001)  # the room in font units
                text = self._shortened(text, self._advance(style), limit)
            return text, current

        def draw(cells, widths_, aligns, style, height):
            x, y = self.l_margin, self.get_y()
            for value, w, a in zip(cells, widths_, aligns):
                text, current = fit(printable(value), w, style)
                self.rect(x, y, w, height)
                if text:
                    self.set_font(FAMILY, style, current)
                    tw = self._width(text, style, current)
                    tx = (x + self.PAD_X if a == "L" else x + w - self.PAD_X - tw
                          if a == "R" else x + (w - tw) / 2)
                    self.text(tx, y + height / 2 + current * 0.3528 * 0.35, text)
                x += w
            self.set_xy(self.l_margin, y + height)

        def head():
            draw(headers, col, ["C"] * len(col), "B", row_height + 1.2)

        self._flush_headings(row_height * 4)
        self._keep_space(row_height * 4)
        head()
        for row in rows:
            if self.get_y() + row_height > self.h - self.b_margin:
                self.add_page()
                head()
            if isinstance(row, tuple) and row and row[0] == "group":
                draw([row[1]], [self.epw], ["L"], "B", row_height)
            elif isinstance(row, tuple) and row and row[0] == "total":
                draw(row[1], col, align, "B", row_height)
            else:
                draw(row, col, align, "", row_height)
        self.set_font(FAMILY, "", BODY_SIZE)
        self.ln(3)

    def image_png(self, png: bytes, *, width: float | None = None, caption: str = "") -> None:
        """A picture centred on the text width, kept on one page with its caption."""
        from PIL import Image

        with Image.open(BytesIO(png)) as picture:
            px_w, px_h = picture.size
        width = min(width or self.epw, self.epw)
        height = width * px_h / px_w
        self._flush_headings(height + (LINE + 2 if caption else 2))
        self._keep_space(height + (LINE + 2 if caption else 2))
        x = self.l_margin + (self.epw - width) / 2
        self.image(BytesIO(png), x=x, y=self.get_y(), w=width, h=height)
        self.set_y(self.get_y() + height + 1)
        if caption:
            self.set_font(FAMILY, "I", BODY_SIZE - 1)
            self.multi_cell(self.epw, LINE, printable(caption), align="C",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def closing(self, recipients, signature: Signature, last_paragraph: str = "") -> None:
        """`last_paragraph` ("Trên đây là ..."), then 'Nơi nhận:' left (bold italic 12 pt,
        list 11 pt, '- item;' with a final '.') and the signature block right, side by side.
        They move to the next page together: a signature never stands alone on a page."""
        items = [printable(r).strip().rstrip(";.,") for r in recipients if printable(r).strip()]
        authority = [line.strip().upper() for line in printable(signature.authority)
                     .split("\n") if line.strip()]
        needed = max(8 + 5 * len(items), 7 * len(authority) + 40) + 4
        self._flush_headings(needed)
        page = self.page_no()
        if last_paragraph:
            self.set_font(FAMILY, "", BODY_SIZE)
            lines = self.multi_cell(self.epw - FIRST_LINE_INDENT, LINE,
                                    " ".join(printable(last_paragraph).split()),
                                    dry_run=True, output="LINES")
            self._keep_space(needed + LINE * 1.2 * (len(lines) + 1) + PARAGRAPH_GAP)
            self.paragraph(last_paragraph)
        self.ln(4)
        self._keep_space(needed)
        # moved to a page of its own: the caller lays the document out again with the block
        # before it kept together (keep_with_closing), so the signature is never alone
        self.closing_alone = self.page_no() != page
        self.closing_page = self.page_no()
        top = self.get_y()
        left_w = self.epw * 0.45
        right_x = self.l_margin + left_w
        right_w = self.epw - left_w

        self.set_xy(self.l_margin, top)
        self.set_font(FAMILY, "BI", 12)
        if items:  # an approval has no "Nơi nhận"
            self.cell(left_w, 6, RECIPIENTS_LABEL, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", SMALL_SIZE)
        for i, item in enumerate(items):
            end = "." if i == len(items) - 1 else ";"
            self.set_x(self.l_margin)
            self.multi_cell(left_w - 2, 5, f"- {item}{end}", align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        left_bottom = self.get_y()

        y = top
        for line in authority:
            y = self._centred(right_x, y, right_w, line, "B", 13) + 0.8
        y += 26  # room for the signature and the seal
        for line in (printable(signature.title).strip().upper(), printable(signature.name)):
            if line.strip():
                y = self._centred(right_x, y, right_w, line.strip(), "B", 13) + 0.8
        self.set_xy(self.l_margin, max(left_bottom, y) + 4)

    closing_alone = False  # set by closing(): see there
    closing_page = 0       # the page of the signature
    last_table_page = 0    # the page of the last data_table's last row

    def page_break(self) -> None:
        self._flush_headings(0)
        self.add_page()

    def to_bytes(self) -> bytes:
        self._flush_headings(0)
        return bytes(self.output())

    # -- helpers -------------------------------------------------------------------------
    def _fit(self, text: str, style: str, width: float, preferred: float,
             smallest: float) -> float:
        """The largest size from `preferred` down to `smallest` at which `text` fits."""
        size = preferred
        while size > smallest:
            self.set_font(FAMILY, style, size)
            if self.get_string_width(printable(text)) <= width - 2:
                break
            size -= 0.5
        return size

    def _centred(self, x: float, y: float, width: float, text: str, style: str,
                 size: float) -> float:
        """One centred line (wrapped if it must); returns the y under it."""
        self.set_font(FAMILY, style, size)
        self.set_xy(x, y)
        self.multi_cell(width, size * 0.45, printable(text), align="C",
                        new_x=XPos.LEFT, new_y=YPos.NEXT)
        return self.get_y()

    def _rule(self, x: float, width: float, y: float, length: float) -> None:
        """A thin rule of `length`, centred in the column [x, x + width]."""
        start = x + (width - length) / 2
        self.set_line_width(0.3)
        self.line(start, y, start + length, y)

    def _keep_space(self, height: float) -> bool:
        """Start a new page unless `height` mm still fit above the bottom margin; True when
        a page was started."""
        if self.get_y() + height > self.h - self.b_margin:
            self.add_page()
            return True
        return False
