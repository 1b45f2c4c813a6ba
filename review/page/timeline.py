"""The chronology on the page: the timeline of `review.io.timeline` drawn with Vega-Lite (Altair).

Streamlit ships Vega, Vega-Lite and vega-embed in its own front end, so the chart is drawn in the
browser from this machine's server alone. A point's tooltip carries its sentence; clicking it
shows that sentence below the chart with the findings on it.
"""

from __future__ import annotations

import html
import json

import altair as alt
import streamlit as st

from review.io import render
from review.io.timeline import KIND_COLOURS, KINDS, Timeline, ticks, timeline

# The charts' point selections (one per axis): the clicked event's index.
SELECTIONS = ("event", "recent_event")
LEGEND = alt.Legend(orient="top", title=None)


def _x(line: Timeline, field: str, title: str | None = None) -> alt.X:
    """The time axis, its ticks and labels those of the HTML's timeline (`review.io.timeline.ticks`)."""
    marks = ticks(line.first, line.last)
    labels = json.dumps({day.isoformat(): label for day, label in marks})
    axis = alt.Axis(labelOverlap=True, grid=False, values=[day.isoformat() for day, _ in marks],
                    labelExpr=f"{labels}[utcFormat(datum.value, '%Y-%m-%d')]")
    return alt.X(f"{field}:T", title=title, axis=axis,
                 scale=alt.Scale(domain=[line.first.isoformat(), line.last.isoformat()]))


def panel(line: Timeline, name: str, title: str, selection) -> alt.LayerChart:
    """One axis of the timeline: gaps, the horizon and report-date rules, date ranges and points."""
    rows = alt.Data(values=line.rows(name))
    y = alt.Y("lane:Q", axis=None, scale=alt.Scale(domain=[-0.6, line.lanes - 0.4]))
    kinds = alt.Scale(domain=list(KINDS.values()), range=list(KIND_COLOURS.values()))
    shapes = alt.Scale(domain=list(KINDS.values()), range=["circle", "diamond", "diamond"])
    points = alt.Chart(rows).mark_point(filled=True, size=110, opacity=1, cursor="pointer").encode(
        x=_x(line, "middle"), y=y,
        color=alt.Color("kind:N", scale=kinds, legend=LEGEND),
        shape=alt.Shape("kind:N", scale=shapes, legend=LEGEND),
        # points not clicked fade; the default (1) is what the legend's symbols take
        opacity=alt.condition(~selection, alt.value(0.35), alt.value(1.0)),
        tooltip=[alt.Tooltip("when:N", title="When"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("carried:N", title="Dated"), alt.Tooltip("text:N", title="Sentence")],
    ).add_params(selection)
    ranges = alt.Chart(rows).transform_filter("datum.start != datum.end").mark_rule(
        strokeWidth=4, opacity=0.35, clip=True).encode(x=_x(line, "start"), x2="end:T", y=y,
                                                       color=alt.Color("kind:N", scale=kinds))
    layers = [ranges, points]
    if line.gaps:
        gaps = alt.Data(values=[{"start": g.start.isoformat(), "end": g.end.isoformat(), "label": g.label}
                                for g in line.gaps])
        layers[:0] = [alt.Chart(gaps).mark_rect(color="#eeeeee").encode(x=_x(line, "start"), x2="end:T"),
                      alt.Chart(gaps).transform_calculate(middle="(toDate(datum.start) + toDate(datum.end)) / 2")
                      .mark_text(baseline="bottom", dy=-2, color="#666666").encode(
                          x=_x(line, "middle"), y=alt.value(0), text="label:N")]
    for day, label, row in ((line.horizon, "Historic before", 1), (line.report_date, "Report date", 0)):
        if line.first <= day <= line.last:  # the two labels on two rows, so they never overlap
            rule = alt.Chart(alt.Data(values=[{"day": day.isoformat(), "label": label}]))
            layers += [rule.mark_rule(strokeDash=[4, 3], color="#555555").encode(x=_x(line, "day")),
                       rule.mark_text(align="right", dx=-3, baseline="top", color="#555555").encode(
                           x=_x(line, "day"), y=alt.value(12 * row), text="label:N")]
    height = 52 + 18 * line.lanes
    return alt.layer(*layers).properties(title=title, height=height, width="container")


def chart(line: Timeline) -> alt.TopLevelMixin:
    """The whole timeline, and the recent events on their own axis where the whole squeezes them."""
    whole, recent = (alt.selection_point(name=name, fields=["index"], on="click", clear="dblclick")
                     for name in SELECTIONS)
    drawn = panel(line, "whole", "", whole)
    if line.detail is None:
        return drawn
    return alt.vconcat(drawn, panel(line.detail, "recent", "Recent events on their own axis", recent)
                       ).resolve_scale(color="shared", shape="shared")


def selected_event(state) -> int | None:
    """The index (in the document's events) of the point clicked, from the chart's selection state."""
    try:
        selections = state["selection"]
    except (KeyError, TypeError):
        return None
    chosen = [point for name in SELECTIONS for point in selections.get(name) or []]
    return chosen[0].get("index") if chosen else None


def show(document: dict, *, key: str = "timeline") -> None:
    """The document's timeline, the sentence of the point clicked, and the chronology as a table."""
    line = timeline(document)
    if not line.events:
        st.caption("No dated events found.")
        return
    selections = list(SELECTIONS if line.detail is not None else SELECTIONS[:1])
    state = st.altair_chart(chart(line), on_select="rerun", selection_mode=selections, key=key, width="stretch")
    chosen = selected_event(state)
    if chosen is not None and 0 <= chosen < len(document.get("events") or []):
        event = document["events"][chosen]
        found = [render.finding_card(i, f, document, id_prefix=f"{key}-f") for i, f in enumerate(document["findings"])
                 if f.get("sentence") is not None and f["sentence"] == event.get("sentence")]
        point = next(e for e in line.events if e.index == chosen)
        st.html(f'<div class="review"><div class="card c-date chosen-event"><b>{html.escape(point.when)}</b> · '
                f"{html.escape(KINDS[point.kind])}<q>{html.escape(event.get('text') or '')}</q>"
                f"</div>{''.join(found)}</div>")
    else:
        st.caption("Hover over a point for its sentence; click it to show the sentence and its findings here.")
    with st.expander("The chronology as a table"):
        st.html(f'<div class="review">{render.chronology_table(document, id_prefix=f"{key}-e")}</div>')
