"""An import template and its notes in the week's words (issue 21 item 6): a ward's
template says «Tổ dân phố nơi tổ chức» and gives one of its own areas and a date of its
own week as examples, never Ba Đình's «Phúc Xá» or «03/10/2020». Pure: the organiser's
area word, an area label and the week's first day are passed in. The parser reads every
level's header (core/import_format.AREA_WORDS), so a file keeps importing whatever
words its template had."""
from dataclasses import replace
from datetime import date

from core import texts
from core.import_format import Layout


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def layout_in_words(layout: Layout, area_word: str) -> Layout:
    """The layout with its area column headed by the area word («Phường» → «Tổ dân phố»)."""
    columns = []
    for column in layout.columns:
        if column.field == "ward_code" and area_word:
            label = column.label.replace("Phường", _capital(area_word))
            column = replace(column, label=label,
                             aliases=tuple(dict.fromkeys((*column.aliases, column.label))))
        columns.append(column)
    return Layout(layout.name, tuple(columns))


def notes_in_words(notes: list[str], area_word: str, area_example: str | None,
                   day: date | None) -> list[str]:
    """template_notes() with the date and area notes of the week: its own first day and
    one of its own areas as the examples."""
    out = []
    for note in notes:
        if note == texts.IMP_NOTE_DATE and day is not None:
            note = texts.IMP_NOTE_DATE_FOR.format(day=day.strftime("%d/%m/%Y"))
        elif note == texts.IMP_NOTE_WARD:
            note = texts.IMP_NOTE_WARD_FOR.format(
                Area=_capital(area_word), area=area_word,
                example=area_example or "—")
        out.append(note)
    return out
