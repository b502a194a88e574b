"""A run's tables → one self-contained HTML report (inline styles and scripts, no network).

Every value from the run is escaped by the template (jinja2 autoescape); article text is
highlighted by spaCy's displacy, which escapes the text it renders. The delegation picture is
an inline SVG built here from escaped strings.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from . import store
from .doc import DELEGATION, DELEGATION_ARGUMENT, ENTITY_TYPES, MENTION_TYPES, RELATION_TYPES
from .places import gazetteer
from .run_record import DUPLICATE

TEMPLATES = Path(__file__).parent / "data" / "report"
COLOURS = {  # one colour per mention type, in the text and in the tables
    "PER": "#ffd6a5", "ORG": "#a0c4ff", "LOC": "#caffbf", "PARK": "#ffadad",
    "EVENT": "#bdb2ff", "DELEGATION": "#fdffb6",
}
MAX_DOCUMENTS = 500  # per-document sections; the relations table always has every row
TOP_ENTITIES = 10
MAX_FLOW_NODES = 40  # per side of the delegation picture; the rest are summed as "others"
UNKNOWN_COUNTRY = "(country not known)"


def write_report(out: Path, html_path: Path | None = None,
                 max_documents: int = MAX_DOCUMENTS) -> Path:
    """Write the report of the run in ``out`` to ``html_path`` (default OUT/report.html)."""
    from .api import load

    out = Path(out)
    manifest = store.read_manifest(out) or None
    tables = load(out, ["documents", "mentions", "entities", "relations", "errors"])
    html = render_report(tables, manifest, title=f"ruextract report: {out.name or out}",
                         max_documents=max_documents)
    html_path = Path(html_path) if html_path else out / "report.html"
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(html, encoding="utf-8")
    return html_path


def render_report(tables: Mapping[str, pd.DataFrame], manifest: dict | None = None, *,
                  title: str = "ruextract report", max_documents: int = MAX_DOCUMENTS) -> str:
    """The report's HTML from a run's tables (``api.load`` or ``api.process`` output)."""
    tables = {name: tables.get(name, _empty(name)) for name in store.TABLES}
    documents, mentions = tables["documents"], tables["mentions"]
    entities, relations = tables["entities"], tables["relations"]
    relation_rows = _relation_rows(relations, documents)
    shown_docs, hidden = _document_sections(documents, mentions, relation_rows, max_documents)
    shown_ids = {doc["doc_id"] for doc in shown_docs}
    for row in relation_rows:
        row["shown"] = row["doc_id"] in shown_ids
    flow = delegation_flow(relations)
    countries = visits_by_country(relations)
    manifest = manifest or {}
    context = {
        "title": title,
        "run_id": manifest.get("run_id"),
        "run_time": manifest.get("time"),
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "colours": COLOURS,
        "cards": [
            ("documents", len(documents)),
            ("mentions", len(mentions)),
            ("entity keys", entities["entity_key"].nunique()),  # things, not rows
            ("relations", len(relations)),
            ("errors", int((tables["errors"]["error"] != DUPLICATE).sum())),
        ],
        "mention_counts": _mention_counts(mentions, entities),
        "relation_counts": _relation_counts(relations),
        "top_entities": top_entities(entities),
        "flow_svg": flow_svg(flow) if len(flow) else None,
        "flow_caption": (f"{int(flow['count'].sum())} visits by delegations from "
                         f"{flow['origin'].nunique()} origins to {flow['site'].nunique()} sites; "
                         "a line's width is its number of visits (VISITED relations, "
                         "one per document)."
                         if len(flow) else ""),
        "countries": countries.to_dict("records"),
        "relations": relation_rows,
        "documents": shown_docs,
        "documents_hidden": hidden,
        "errors": tables["errors"].fillna("").to_dict("records"),
        "manifest": json.dumps(manifest, ensure_ascii=False, indent=2) if manifest else None,
    }
    return _environment().get_template("report.html.j2").render(context)


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        enabled_extensions=("html", "j2"), default=True), trim_blocks=True, lstrip_blocks=True)


def _empty(table: str) -> pd.DataFrame:
    return store.SCHEMAS[table].empty_table().to_pandas()


def _text(value: object) -> str:
    """A cell as display text: missing values (None, NaN, NA) are empty."""
    return "" if value is None or (not isinstance(value, list | tuple) and pd.isna(value)) \
        else str(value)


# -- summary --------------------------------------------------------------------------------------

def _type_order(types: list[str], known: tuple[str, ...]) -> list[str]:
    return [t for t in known if t in types] + sorted(t for t in types if t not in known)


def _mention_counts(mentions: pd.DataFrame, entities: pd.DataFrame) -> list[dict]:
    by_type = mentions["type"].value_counts()
    entity_counts = entities.groupby("type")["entity_key"].nunique()
    largest = int(by_type.max()) if len(by_type) else 1
    return [{"type": t, "mentions": int(by_type[t]), "entities": int(entity_counts.get(t, 0)),
             "colour": COLOURS.get(t, "#ddd"), "width": max(2, round(160 * by_type[t] / largest))}
            for t in _type_order(list(by_type.index), MENTION_TYPES)]


def _relation_counts(relations: pd.DataFrame) -> list[dict]:
    grouped = relations.groupby("type").agg(relations=("doc_id", "size"),
                                            documents=("doc_id", "nunique"))
    return [{"type": t, "relations": int(grouped.loc[t, "relations"]),
             "documents": int(grouped.loc[t, "documents"])}
            for t in _type_order(list(grouped.index), RELATION_TYPES)]


def top_entities(entities: pd.DataFrame, limit: int = TOP_ENTITIES
                 ) -> list[tuple[str, list[dict]]]:
    """Per type, the entities in the most documents (one entity key across documents)."""
    if entities.empty:
        return []
    result = []
    for entity_type in _type_order(list(entities["type"].unique()), (*ENTITY_TYPES, DELEGATION)):
        of_type = entities[entities["type"] == entity_type]
        grouped = of_type.groupby("entity_key").agg(
            documents=("doc_id", "nunique"), mentions=("n_mentions", "sum"),
            normal=("normal", lambda s: s.value_counts().index[0]),
            aliases=("aliases", lambda s: sorted({a for row in s for a in _list(row)})))
        grouped = grouped.sort_values(["documents", "mentions", "normal"],
                                      ascending=[False, False, True]).head(limit)
        result.append((entity_type, [
            {"normal": row.normal, "documents": int(row.documents), "mentions": int(row.mentions),
             "aliases": ", ".join(row.aliases)} for row in grouped.itertuples()]))
    return result


def _list(value: object) -> list:
    return [] if value is None or isinstance(value, float) else list(value)


# -- delegations → sites --------------------------------------------------------------------------

def delegation_flow(relations: pd.DataFrame) -> pd.DataFrame:
    """VISITED relations of delegations as (origin, site, site_type, count), largest first.
    Origins and sites are grouped by key (``origin_key``, ``arg2_key``): «КНР» and «Китай»
    are one origin, shown by the name the visits give it most often."""
    visits = relations[(relations["type"] == "VISITED")
                       & (relations["arg1_type"] == DELEGATION)]
    if visits.empty:
        return pd.DataFrame({"origin": [], "site": [], "site_type": [], "count": []})
    origins = [_origin(v) for v in visits["arg1_normal"]]
    sites = [_text(v) or "(unnamed)" for v in visits["arg2_normal"]]
    frame = pd.DataFrame({
        "origin_group": [_text(k) or o for k, o in zip(_column(visits, "origin_key"), origins,
                                                        strict=True)],
        "origin": origins,
        "site_group": [_text(k) or s for k, s in zip(_column(visits, "arg2_key"), sites,
                                                      strict=True)],
        "site": sites,
        "site_type": [_text(v) for v in visits["arg2_type"]],
    })
    for column in ("origin", "site"):  # each group shown by its most frequent name
        shown = frame.groupby(f"{column}_group")[column].agg(
            lambda names: names.value_counts().sort_index(kind="stable")
            .sort_values(ascending=False, kind="stable").index[0])
        frame[column] = frame[f"{column}_group"].map(shown)
    flow = frame.groupby(["origin", "site", "site_type"]).size().reset_index(name="count")
    return flow.sort_values(["count", "origin", "site"], ascending=[False, True, True],
                            ignore_index=True)


def visits_by_country(relations: pd.DataFrame, shown_sites: int = 3) -> pd.DataFrame:
    """«Visits by country»: the VISITED relations of delegations grouped by the country of
    their origin (``origin_country``; a province's or a body's group is its country's):
    how many delegations (one per document and origin), visits and sites, and the sites
    visited most. Most visits first."""
    visits = relations[(relations["type"] == "VISITED")
                       & (relations["arg1_type"] == DELEGATION)]
    columns = ["country", "delegations", "visits", "sites", "most_visited"]
    if visits.empty:
        return pd.DataFrame({column: [] for column in columns})
    names = _country_names()
    sites = [_text(v) or "(unnamed)" for v in visits["arg2_normal"]]
    frame = pd.DataFrame({
        "country": [names.get(_text(code), _text(code)) or UNKNOWN_COUNTRY
                    for code in _column(visits, "origin_country")],
        "delegation": [f"{doc} {_text(key) or origin}" for doc, key, origin in zip(
            visits["doc_id"], _column(visits, "arg1_key"), visits["arg1_normal"], strict=True)],
        "site_group": [_text(k) or s for k, s in zip(_column(visits, "arg2_key"), sites,
                                                      strict=True)],
        "site": sites,
    })
    rows = []
    for country, group in frame.groupby("country", sort=False):
        counted = Counter(group["site_group"])
        shown = {key: Counter(group.loc[group["site_group"] == key, "site"]).most_common(1)[0][0]
                 for key in counted}
        ranked = sorted(counted.items(), key=lambda item: (-item[1], shown[item[0]]))
        rows.append({"country": country, "delegations": group["delegation"].nunique(),
                     "visits": len(group), "sites": len(counted),
                     "most_visited": ", ".join(f"{shown[key]} ({n})"
                                               for key, n in ranked[:shown_sites])})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["visits", "country"], ascending=[False, True], ignore_index=True)


def _country_names() -> dict[str, str]:
    """The gazetteer's country names by ISO code («CN» → «Китай»)."""
    return {place.country: place.canonical for place in gazetteer().places
            if place.kind == "country"}


def _column(frame: pd.DataFrame, name: str) -> list:
    """A column of ``frame``, or missing values where an older output lacks it."""
    return list(frame[name]) if name in frame.columns else [None] * len(frame)


def _origin(arg1_normal: object) -> str:
    origin = _text(arg1_normal).removeprefix(DELEGATION_ARGUMENT).strip()
    return origin or "(origin not stated)"


@dataclass(slots=True)
class _Node:
    name: str
    total: int
    y: float = 0.0
    colour: str = "#999"


def _nodes(flow: pd.DataFrame, column: str, others: str) -> tuple[list[_Node], dict[str, str]]:
    """Nodes of one side, largest first; beyond MAX_FLOW_NODES they merge into ``others``."""
    totals = flow.groupby(column)["count"].sum().sort_values(ascending=False, kind="stable")
    kept = list(totals.index[:MAX_FLOW_NODES])
    rename = {name: (name if name in kept else others) for name in totals.index}
    nodes = [_Node(name, int(totals[name])) for name in kept]
    rest = int(totals.iloc[MAX_FLOW_NODES:].sum())
    if rest:
        nodes.append(_Node(others, rest))
    return nodes, rename


def flow_svg(flow: pd.DataFrame, width: int = 1000) -> Markup:
    """A bipartite picture: origins left, sites right, one curve per pair, width ~ count."""
    origins, origin_name = _nodes(flow, "origin", "other origins")
    sites, site_name = _nodes(flow, "site", "other sites")
    edges = (flow.assign(origin=flow["origin"].map(origin_name), site=flow["site"].map(site_name))
             .groupby(["origin", "site"])["count"].sum().reset_index())
    # Each site sits near the mean row of its origins: far fewer crossing lines.
    origin_row = {node.name: row for row, node in enumerate(origins)}
    weighted, visits = Counter(), Counter()
    for edge in edges.itertuples():
        weighted[edge.site] += origin_row[edge.origin] * edge.count
        visits[edge.site] += edge.count
    sites.sort(key=lambda n: (n.name == "other sites", weighted[n.name] / visits[n.name],
                              -n.total, n.name))
    site_types = flow.groupby("site")["site_type"].agg(lambda s: s.value_counts().index[0])
    row_height, top = 30, 30
    rows = max(len(origins), len(sites))
    for column in (origins, sites):  # the shorter column is centred against the longer
        offset = top + (rows - len(column)) * row_height / 2 + row_height / 2
        for row, node in enumerate(column):
            node.y = offset + row * row_height
    for node in origins:
        node.colour = COLOURS[DELEGATION]
    for node in sites:
        node.colour = COLOURS.get(site_types.get(node.name, ""), "#ddd")
    height = top + rows * row_height + 10
    left, right = 300, width - 300
    largest = max(int(edges["count"].max()), 4)  # a single visit is a thin line
    origin_y = {n.name: n.y for n in origins}
    site_y = {n.name: n.y for n in sites}
    site_colour = {n.name: n.colour for n in sites}
    parts = [Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" id="delegation-flow" role="img" '
        'width="{w}" height="{h}" viewBox="0 0 {w} {h}">').format(w=width, h=height),
        Markup('<text x="{x}" y="16" text-anchor="end" font-weight="600">delegation from'
               '</text>').format(x=left - 14),
        Markup('<text x="{x}" y="16" font-weight="600">visited</text>').format(x=right + 14)]
    for index, edge in enumerate(edges.itertuples()):
        y1, y2, middle = origin_y[edge.origin], site_y[edge.site], (left + right) / 2
        stroke = 1.5 + 10 * edge.count / largest
        # Count labels sit at staggered points along their curves, so crossing curves'
        # labels do not land on one spot.
        along = 0.2 + 0.6 * (index % 5) / 4
        label_x, label_y = _bezier((left, y1), (middle, y1), (middle, y2), (right, y2), along)
        parts.append(Markup(
            '<g class="edge"><path d="M{x1},{y1:.1f} C{m},{y1:.1f} {m},{y2:.1f} {x2},{y2:.1f}" '
            'fill="none" stroke="{c}" stroke-opacity="0.75" stroke-width="{s:.1f}">'
            '<title>{o} → {t}: {n}</title></path>'
        ).format(x1=left, x2=right, y1=y1, y2=y2, m=middle, c=_darker(site_colour[edge.site]),
                 s=stroke, o=edge.origin, t=edge.site, n=int(edge.count)))
        if edge.count > 1:  # single visits are many; the node totals count them
            parts.append(Markup(
                '<text class="count" x="{x:.1f}" y="{y:.1f}" text-anchor="middle" '
                'stroke="#fff" stroke-width="3" paint-order="stroke">{n}</text>'
            ).format(x=label_x, y=label_y + 4, n=int(edge.count)))
        parts.append(Markup("</g>"))
    for node, x, anchor, label_x in [(n, left - 10, "end", left - 14) for n in origins] + \
            [(n, right, "start", right + 14) for n in sites]:
        parts.append(Markup(
            '<g class="node"><rect x="{x}" y="{y:.1f}" width="10" height="20" rx="2" fill="{c}" '
            'stroke="#888"/><text x="{lx}" y="{ty:.1f}" text-anchor="{a}">{label} '
            '<tspan class="count">({n})</tspan><title>{name}</title></text></g>'
        ).format(x=x, y=node.y - 10, c=node.colour, lx=label_x, ty=node.y + 4, a=anchor,
                 label=_shorten(node.name), n=node.total, name=node.name))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


Point = tuple[float, float]


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    """The point at ``t`` on the cubic Bézier curve with these four control points."""
    points = (p0, p1, p2, p3)
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3)
    return (sum(w * p[0] for w, p in zip(weights, points, strict=True)),
            sum(w * p[1] for w, p in zip(weights, points, strict=True)))


def _shorten(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def _darker(colour: str) -> str:
    """The type colour, darkened for a line on white («#ddd» is «#dddddd»)."""
    if len(colour) == 4:
        colour = "#" + "".join(2 * digit for digit in colour[1:])
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (red, green, blue)))


# -- relations and documents ----------------------------------------------------------------------

def _relation_rows(relations: pd.DataFrame, documents: pd.DataFrame) -> list[dict]:
    labels = {row.doc_id: _document_label(row) for row in documents.itertuples()}
    doc_dates = dict(zip(documents["doc_id"], documents["date"], strict=True))
    rows = []
    ordered = relations.sort_values(["type", "doc_id", "relation_id"], kind="stable")
    for relation in ordered.itertuples():
        rows.append({
            "doc_id": relation.doc_id, "type": relation.type,
            "arg1": _text(relation.arg1_normal), "arg1_type": _text(relation.arg1_type),
            "arg2": _text(relation.arg2_normal), "arg2_type": _text(relation.arg2_type),
            "role": _text(relation.role),
            "date": _text(relation.date_iso) or _text(relation.date)
                    or _text(doc_dates.get(relation.doc_id)),
            "evidence": _text(relation.evidence),
            "doc_label": labels.get(relation.doc_id, relation.doc_id),
        })
    return rows


def _document_label(document: object) -> str:
    return (_text(getattr(document, "title", None)) or _text(getattr(document, "source", None))
            or str(document.doc_id))


def _document_sections(documents: pd.DataFrame, mentions: pd.DataFrame,
                       relation_rows: list[dict], limit: int) -> tuple[list[dict], int]:
    """The documents to show (most relations first when over ``limit``), in source order."""
    relations_by_doc: dict[str, list[dict]] = {}
    for row in relation_rows:
        relations_by_doc.setdefault(row["doc_id"], []).append(row)
    mentions_by_doc = {doc_id: group for doc_id, group in mentions.groupby("doc_id")}
    ranked = sorted(documents.itertuples(),
                    key=lambda d: (-len(relations_by_doc.get(d.doc_id, ())), _text(d.source)))
    chosen = sorted(ranked[:limit], key=lambda d: (_text(d.source), d.doc_id))
    sections = []
    for document in chosen:
        doc_mentions = mentions_by_doc.get(document.doc_id, mentions.iloc[0:0])
        url = _text(document.url)
        sections.append({
            "doc_id": document.doc_id, "label": _document_label(document),
            "source": _text(document.source), "date": _text(document.date),
            "language": _text(document.language), "url": url,
            "url_href": url if url.lower().startswith(("http://", "https://")) else "",
            "n_mentions": len(doc_mentions),
            "html": highlighted_text(_text(document.text), doc_mentions),
            "relations": relations_by_doc.get(document.doc_id, []),
        })
    return sections, max(0, len(ranked) - limit)


def highlighted_text(text: str, mentions: pd.DataFrame) -> Markup:
    """The text with its mentions marked by type (displacy escapes the text itself)."""
    from spacy import displacy

    spans, last_end = [], 0
    for mention in mentions.sort_values(["start", "end"]).itertuples():
        start, end = int(mention.start), int(mention.end)
        if start < last_end or not 0 <= start < end <= len(text):
            continue  # overlapping or out of range: displacy needs flat, ordered spans
        spans.append({"start": start, "end": end, "label": str(escape(mention.type))})
        last_end = end
    html = displacy.render({"text": text, "ents": spans, "title": None}, style="ent",
                           manual=True, page=False, jupyter=False, minify=True,
                           options={"colors": COLOURS, "ents": list(COLOURS)})
    return Markup(html)
