"""The chronology as a timeline: dated events on a time axis, historic ones marked, gaps shown.

`timeline` turns a document object's ``events`` into the one set of points both renderings draw:
the page's Vega-Lite chart (`review.page.timeline`) and the static SVG of the HTML output
(`timeline_svg`). Each point keeps its place in ``events`` (the chronology table's row) and its
sentence, so a point links to the sentence it dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from dataclasses import dataclass

from review.checks.historic import months_before
from review.core.rules import load_rules
from review.nlp.temporal import value_range

# What a point is, in the order the legend shows them: its label and colour.
KINDS = {"recent": "Recent", "historic": "Historic", "unlinked": "Historic, no link to now"}
KIND_COLOURS = {"recent": "#2b6cb0", "historic": "#7b4fb3", "unlinked": "#b02a2a"}
# A stretch with no dated event is shown as a gap when it is longer than this share of the
# timeline (and than MIN_GAP_DAYS); the longest MAX_GAPS are shown.
GAP_SHARE = 0.2
MIN_GAP_DAYS = 14
MAX_GAPS = 3
# Points closer than this share of the timeline are stacked, so a cluster shows as a pile.
STACK_SHARE = 1 / 90
MAX_LANES = 10
# Recent events that fill less than this share of a long timeline get a panel of their own.
DETAIL_SHARE = 0.25
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event as a point: when, how precisely, and whether it is historic."""

    index: int  # its place in the document's events: the chronology table's row
    sentence: int | None  # the sentence it is told in
    text: str  # that sentence
    when: str  # its date as people read it ("12/03/2024", "March 2024", "2016")
    start: dt.date  # the first and last day the date can mean (a year: 1 January to 31 December)
    end: dt.date
    kind: str  # a key of KINDS
    carried: bool  # dated by an earlier sentence, not its own words
    lane: int  # 0 on the axis; higher where it would cover an earlier point

    @property
    def middle(self) -> dt.date:
        return self.start + (self.end - self.start) / 2


@dataclass(frozen=True)
class Gap:
    """A stretch between two dated events with none between them."""

    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{span_words((self.end - self.start).days)} with no dated event"


@dataclass(frozen=True)
class Timeline:
    """The points of one document's chronology and the axis they are drawn on."""

    events: tuple[TimelineEvent, ...]
    report_date: dt.date
    horizon: dt.date  # events that end before it are historic
    first: dt.date  # the axis runs from `first` to `last`
    last: dt.date
    gaps: tuple[Gap, ...]
    detail: Timeline | None = None  # the recent events alone, where the whole squeezes them

    @property
    def lanes(self) -> int:
        return 1 + max((e.lane for e in self.events), default=0)

    def rows(self, panel: str = "whole") -> list[dict]:
        """The points as JSON-ready rows (the Vega-Lite chart's data), `panel` naming the axis."""
        return [{"panel": panel, "index": e.index, "sentence": e.sentence, "text": shortened(e.text), "when": e.when,
                 "start": e.start.isoformat(), "end": e.end.isoformat(), "middle": e.middle.isoformat(),
                 "lane": e.lane, "kind": KINDS[e.kind], "carried": "from an earlier sentence" if e.carried else ""}
                for e in self.events]


def span_words(days: int) -> str:
    """A length of time in words, rounded: "3 weeks", "5 months", "7 years"."""
    for unit, length in (("year", 365.25), ("month", 30.44), ("week", 7), ("day", 1)):
        if days >= 2 * length or unit == "day":
            n = max(1, round(days / length))
            return f"{n} {unit}{'s' if n != 1 else ''}"
    raise AssertionError("unreachable")


def shortened(text: str, limit: int = 220) -> str:
    """A sentence on one line, cut at a word near `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + " …"


def when_words(value: str, start: dt.date, end: dt.date) -> str:
    """A date value as a reader says it, day first: "12/03/2024 15:00", "March 2024", "2016"."""
    if start == end:
        time = value.split("T", 1)[1][:5] if "T" in value else ""
        return f"{start:%d/%m/%Y}" + (f" {time}" if time and time[:1].isdigit() else "")
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and (start.year, start.month) == (end.year, end.month):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"


def _days(event: dict) -> tuple[dt.date, dt.date] | None:
    """The first and last day an event's date covers, or None where it names no calendar time."""
    found = value_range(event.get("date"))
    if found:
        return found
    try:
        day = dt.date.fromisoformat(str(event.get("anchor")))
    except ValueError:
        return None
    return day, day


def _kind(sentence: int | None, end: dt.date, flagged: set[int], horizon: dt.date) -> str:
    if sentence in flagged:
        return "unlinked"  # the historic check found it historic with no stated link to the present
    return "historic" if end < horizon else "recent"


def _stacked(middles: list[dt.date], separation: float) -> list[int]:
    """A lane per point (given in time order): the lowest lane whose last point is far enough left;
    past MAX_LANES, the top lane (where the points of a dense pile overlap)."""
    lanes: list[dt.date] = []
    result = []
    for middle in middles:
        lane = next((n for n, last in enumerate(lanes) if (middle - last).days >= separation), len(lanes))
        lane = min(lane, MAX_LANES - 1)
        if lane == len(lanes):
            lanes.append(middle)
        lanes[lane] = middle
        result.append(lane)
    return result


def _gaps(events: list[TimelineEvent], span_days: int) -> tuple[Gap, ...]:
    """The longest stretches between consecutive events (in time order) with no dated event."""
    limit = max(MIN_GAP_DAYS, GAP_SHARE * span_days)
    found, latest = [], None
    for event in sorted(events, key=lambda e: (e.start, e.end)):
        if latest is not None and (event.start - latest).days > limit:
            found.append(Gap(latest, event.start))
        latest = event.end if latest is None else max(latest, event.end)
    longest = sorted(found, key=lambda g: g.start - g.end)[:MAX_GAPS]
    return tuple(sorted(longest, key=lambda g: g.start))


def horizon_months(rules_path: str | None = None) -> int:
    """How many months before the report an event is historic (the historic check's threshold)."""
    return int(load_rules(rules_path).check("historic").threshold("horizon_months"))


def _laid_out(events: list[TimelineEvent], report_date: dt.date, horizon: dt.date, *,
              whole_ranges: bool = True) -> Timeline:
    """`events` (in time order) on an axis from the first to the last of them and the report date
    (of their whole ranges, or of their middles), stacked in lanes, with the long gaps between them."""
    first = min([e.start if whole_ranges else e.middle for e in events] + [report_date])
    last = max([e.end if whole_ranges else e.middle for e in events] + [report_date])
    pad = dt.timedelta(days=max(7, (last - first).days * 0.03))
    first, last = first - pad, last + pad
    lanes = _stacked([e.middle for e in events], STACK_SHARE * (last - first).days)
    placed = tuple(dataclasses.replace(e, lane=lane) for e, lane in zip(events, lanes))
    return Timeline(placed, report_date, horizon, first, last, _gaps(list(placed), (last - first).days))


def timeline(document: dict, months: int | None = None) -> Timeline:
    """The dated events of a document object in time order (undated ones left out): each with its
    sentence, whether it is historic (before the horizon, `months` before the report date) or
    historic with no stated link to now (its sentence has a `historic` finding), and its lane.
    Where the recent events are crowded into a sliver of a long history, `detail` draws them alone."""
    report_date = dt.date.fromisoformat(document["report_date"])
    horizon = months_before(report_date, horizon_months() if months is None else months)
    flagged = {f["sentence"] for f in document.get("findings") or []
               if f["check"] == "historic" and f.get("sentence") is not None}
    events = []
    for index, event in enumerate(document.get("events") or []):
        days = _days(event)
        if days:
            start, end = days
            events.append(TimelineEvent(index=index, sentence=event.get("sentence"), text=str(event.get("text") or ""),
                                        when=when_words(str(event.get("date") or ""), start, end), start=start,
                                        end=end, kind=_kind(event.get("sentence"), end, flagged, horizon),
                                        carried=bool(event.get("carried")), lane=0))
    events.sort(key=lambda e: (e.middle, e.index))
    whole = _laid_out(events, report_date, horizon)
    recent = [e for e in events if e.end >= horizon]
    if 2 <= len(recent) < len(events):
        detail = _laid_out(recent, report_date, horizon, whole_ranges=False)
        if (detail.last - detail.first) < DETAIL_SHARE * (whole.last - whole.first):
            return dataclasses.replace(whole, detail=detail)
    return whole


# --- the static SVG of the HTML output ------------------------------------------------------------

WIDTH = 760
MARGIN = 16
LANE_HEIGHT = 16
_e = html.escape


def ticks(first: dt.date, last: dt.date, most: int = 9) -> list[tuple[dt.date, str]]:
    """Round dates on the axis between `first` and `last`, at most `most`: years, months or days."""
    days = (last - first).days
    if days > 3 * 365:
        step = max(1, -(-(last.year - first.year) // most))
        return [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1) if y % step == 0]
    if days > 90:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= most)
        found = []
        for n in range(1, months + 1):
            year, month = divmod(first.year * 12 + first.month - 1 + n, 12)
            if month % step == 0:
                found.append((dt.date(year, month + 1, 1), f"{_MONTHS[month]} {year}"))
        return found
    step = next(s for s in (1, 2, 7, 14, 28) if days / s <= most)
    start = first + dt.timedelta(days=(-first.weekday()) % 7 if step >= 7 else 1)
    return [(start + dt.timedelta(days=n), f"{start + dt.timedelta(days=n):%d %b}") for n in range(0, days, step)
            if start + dt.timedelta(days=n) < last]


def _marker(kind: str, x: float, y: float, inside: str = "", css: str = "") -> str:
    """A point holding `inside`: a circle for a recent event, a diamond for a historic one."""
    common = f'{css}fill="{KIND_COLOURS[kind]}"'
    if kind == "recent":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" {common}>{inside}</circle>'
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    return f'<polygon points="{points}" {common}>{inside}</polygon>'


def _panel(line: Timeline, top: float, id_prefix: str, name: str, title: str) -> tuple[list[str], float]:
    """One axis of the SVG, from height `top`: its gaps, horizon and report-date lines, ticks and
    points; returns its parts and the height it ends at."""
    span = max(1, (line.last - line.first).days)
    axis_y = top + 38 + line.lanes * LANE_HEIGHT

    def x(day: dt.date) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (day - line.first).days / span

    parts = [f'<g class="panel {name}">']
    if title:
        parts.append(f'<text x="{MARGIN}" y="{top + 8}" font-weight="600">{_e(title)}</text>')
    for gap in line.gaps:
        left, right = x(gap.start), x(gap.end)
        parts.append(f'<rect class="gap" x="{left:.1f}" y="{top + 10}" width="{right - left:.1f}" '
                     f'height="{axis_y - top - 10}" fill="#eee"/><text x="{(left + right) / 2:.1f}" y="{axis_y - 4}" '
                     f'text-anchor="middle" fill="#666">{_e(gap.label)}</text>')
    markers = ((line.horizon, "Historic before", "2 3", 1), (line.report_date, "Report date", "5 3", 0))
    for day, label, dash, row in markers:
        if line.first <= day <= line.last:
            parts.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{top + 10}" y2="{axis_y}" stroke="#555" '
                         f'stroke-dasharray="{dash}"/><text x="{x(day) - 3:.1f}" y="{top + 20 + 12 * row}" '
                         f'text-anchor="end" fill="#555">{_e(label)}</text>')
    parts.append(f'<line x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{axis_y}" y2="{axis_y}" stroke="#333"/>')
    for day, label in ticks(line.first, line.last):
        parts.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{axis_y}" y2="{axis_y + 5}" stroke="#333"/>'
                     f'<text x="{x(day):.1f}" y="{axis_y + 17}" text-anchor="middle">{_e(label)}</text>')
    for event in line.events:
        y = axis_y - 10 - event.lane * LANE_HEIGHT
        start, end = max(event.start, line.first), min(event.end, line.last)
        if end > start:
            parts.append(f'<line x1="{x(start):.1f}" x2="{x(end):.1f}" y1="{y}" y2="{y}" '
                         f'stroke="{KIND_COLOURS[event.kind]}" stroke-opacity=".35" stroke-width="4"/>')
        tip = f"{event.when} · {KINDS[event.kind]}"
        tip += f" (dated by an earlier sentence): " if event.carried else ": "
        point = _marker(event.kind, x(event.middle), y, f"<title>{_e(tip + shortened(event.text))}</title>",
                        f'class="event {event.kind}" ')
        parts.append(f'<a href="#{_e(id_prefix)}{event.index}">{point}</a>')
    parts.append("</g>")
    return parts, axis_y + 26


def timeline_svg(document: dict, *, id_prefix: str = "e") -> str:
    """The document's timeline as inline SVG (nothing fetched): a point per dated event, each with
    its sentence as tooltip and a link to its chronology row (id `id_prefix` + its index), and the
    recent events again on an axis of their own where the whole squeezes them; "" when no event is
    dated."""
    line = timeline(document)
    if not line.events:
        return ""
    parts, legend_x = [], MARGIN
    for kind, label in KINDS.items():
        parts.append(f'{_marker(kind, legend_x + 5, 10)}<text x="{legend_x + 14}" y="14">{_e(label)}</text>')
        legend_x += 24 + 6.5 * len(label)
    panel, bottom = _panel(line, 14, id_prefix, "whole", "")
    parts += panel
    if line.detail is not None:
        within = span_words((line.report_date - line.horizon).days)
        panel, bottom = _panel(line.detail, bottom + 6, id_prefix, "recent",
                               f"Recent events on their own axis (dated within {within} of the report or after it)")
        parts += panel
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {bottom:.0f}" '
            f'width="100%" role="img" aria-label="Timeline of {len(line.events)} dated events" '
            f'font-family="system-ui,sans-serif" font-size="11">{"".join(parts)}</svg>')
