"""The catalogue of a week: its activity types and propaganda channels (issue 15 item 3).

Pure rules shared by the settings page, the data layer and the command line. A code keeps its
meaning across years (the global tables activity_types / channels are the registry of codes),
so a type renamed in 2026 still compares with 2020's; names, order, group and unit of measure
belong to the event.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from core import reference as ref
from core import texts
from core.text import clean

CODE_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")
NAME_MAX = 200
MEASURE_MAX = 40


@dataclass(frozen=True)
class Catalogue:
    """One event's catalogue, in its order. `types`: [{code, grp, name}], `channels`:
    [{code, name, measure}]. The lookups also answer for a registry code the event does not
    list (an old entry), with the registry's name, so nothing that shows an entry breaks."""
    types: list[dict]
    channels: list[dict]
    registry_types: dict = field(default_factory=dict)     # code -> (grp, name)
    registry_channels: dict = field(default_factory=dict)  # code -> (name, measure)

    @cached_property
    def type_names(self) -> dict[str, str]:
        return {t["code"]: t["name"] for t in self.types}

    @cached_property
    def type_groups(self) -> dict[str, str]:
        return {t["code"]: t["grp"] for t in self.types}

    @cached_property
    def channel_names(self) -> dict[str, str]:
        return {c["code"]: c["name"] for c in self.channels}

    @cached_property
    def channel_measures(self) -> dict[str, str]:
        return {c["code"]: c["measure"] for c in self.channels}

    def type_name(self, code) -> str:
        name = self.type_names.get(code)
        if name is None:
            name = self.registry_types.get(code, (None, code))[1]
        return name

    def type_group(self, code) -> str | None:
        return self.type_groups.get(code) or self.registry_types.get(code, (None, None))[0]

    def channel_name(self, code) -> str:
        name = self.channel_names.get(code)
        if name is None:
            name = self.registry_channels.get(code, (code, ""))[0]
        return name

    def channel_measure(self, code) -> str:
        measure = self.channel_measures.get(code)
        if measure is None:
            measure = self.registry_channels.get(code, ("", ""))[1]
        return measure

    def type_label(self, code) -> str:
        """'Group › name', as the activity form lists a type."""
        group = self.type_group(code)
        return f"{ref.GROUP_NAMES.get(group, group)} › {self.type_name(code)}"

    def channel_label(self, code) -> str:
        return f"{self.channel_name(code)} ({self.channel_measure(code)})"


def plan_catalogue() -> Catalogue:
    """The 2020 plan's catalogue (core/reference.py)."""
    return Catalogue([{"code": c, "grp": g, "name": n} for c, g, n in ref.ACTIVITY_TYPES],
                     [{"code": c, "name": n, "measure": m} for c, n, m in ref.CHANNELS])


def code_from_name(name: str, taken) -> str:
    """A new code from a name: ASCII words joined by '_' ('Đọc sách' -> 'doc_sach'), with a
    number added when taken."""
    text = clean(name).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:32] or "muc"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def _rows_errors(rows: list[dict], kind: str) -> tuple[list[dict], dict[str, str]]:
    """(cleaned rows, errors) for the type or channel rows of a catalogue, in their order.
    Errors are keyed '<kind>.<row number from 1>.<field>' (and '<kind>' for the list)."""
    errors: dict[str, str] = {}
    out: list[dict] = []
    codes_seen, names_seen = {}, {}
    taken = {clean(r.get("code")) for r in rows if clean(r.get("code"))}
    for i, raw in enumerate(rows, start=1):
        name, code = clean(raw.get("name")), clean(raw.get("code"))
        if not name and not code and (kind == "types" or not clean(raw.get("measure"))):
            continue  # an empty line of the table editor
        row = {"name": name}
        if not name:
            errors[f"{kind}.{i}.name"] = texts.CAT_NAME_REQUIRED.format(row=i)
        elif len(name) > NAME_MAX:
            errors[f"{kind}.{i}.name"] = texts.CAT_NAME_TOO_LONG.format(row=i, max=NAME_MAX)
        elif name.casefold() in names_seen:
            errors[f"{kind}.{i}.name"] = texts.CAT_NAME_TWICE.format(
                row=i, first=names_seen[name.casefold()], name=name)
        else:
            names_seen[name.casefold()] = i
        if not code:
            code = code_from_name(name, taken)
            taken.add(code)
        elif not CODE_PATTERN.match(code):
            errors[f"{kind}.{i}.code"] = texts.CAT_CODE_INVALID.format(row=i, code=code)
        if code in codes_seen:
            errors[f"{kind}.{i}.code"] = texts.CAT_CODE_TWICE.format(
                row=i, first=codes_seen[code], code=code)
        codes_seen.setdefault(code, i)
        row["code"] = code
        if kind == "types":
            grp = clean(raw.get("grp"))
            if grp not in ref.GROUP_NAMES:
                # the editor shows the group's name: accept it too
                by_name = {n: c for c, n in ref.GROUP_NAMES.items()}
                grp = by_name.get(grp, grp)
            if grp not in ref.GROUP_NAMES:
                errors[f"{kind}.{i}.grp"] = texts.CAT_GROUP_UNKNOWN.format(
                    row=i, groups=", ".join(ref.GROUP_NAMES.values()))
            row["grp"] = grp
        else:
            measure = clean(raw.get("measure"))
            if not measure:
                errors[f"{kind}.{i}.measure"] = texts.CAT_MEASURE_REQUIRED.format(row=i)
            elif len(measure) > MEASURE_MAX:
                errors[f"{kind}.{i}.measure"] = texts.CAT_MEASURE_TOO_LONG.format(
                    row=i, max=MEASURE_MAX)
            row["measure"] = measure
        out.append(row)
    if not out:
        errors[kind] = texts.CAT_TYPES_EMPTY if kind == "types" else texts.CAT_CHANNELS_EMPTY
    return out, errors


def type_rows(rows: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Cleaned type rows [{code, grp, name}] (a missing code made from the name) and errors."""
    return _rows_errors(rows, "types")


def channel_rows(rows: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Cleaned channel rows [{code, name, measure}] and errors."""
    return _rows_errors(rows, "channels")
