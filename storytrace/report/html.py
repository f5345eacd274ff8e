"""The dossier as one self-contained HTML page: inline CSS, no external resources, readable printed.

Article text and metadata are untrusted input. Every piece of it is passed through `esc` (text and
attribute values alike), links are made only from http(s) URLs, and a strict Content-Security-Policy
blocks any script but the one tiny inline helper (allowed by its hash) that opens timeline
details before printing. The page works fully without script.
"""

from __future__ import annotations

import base64
import hashlib
import html
from typing import Iterable, Mapping, Sequence

from storytrace.report import common as c
from storytrace.schema import Claim, ClaimMention, Document, Dossier, Entity, Event, Statement

SECTIONS = (
    ("claims", "Claims board"),
    ("timeline", "Timeline"),
    ("actors", "Actors"),
    ("statements", "Statements"),
    ("provenance", "Provenance"),
)

PRINT_SCRIPT = 'addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})});'

CSS = """
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--bg:#fff;--soft:#f5f5f7;--sup:#1a7f37;--den:#b42318;--warn:#9a6700}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem 1.25rem 4rem;font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:var(--bg)}
h1,h2,h3,nav,table,.meta,.badge,.when,summary,.origins,.variant,.facts{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:1.25rem 0 .35rem}
nav{font-size:.9rem;margin:.5rem 0 1rem}nav a{margin-right:1rem}
a{color:#0b57d0}
.facts{color:var(--muted);margin:.25rem 0 1rem}
.none{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{background:var(--soft);overflow-wrap:normal;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:.35rem 0 .5rem;padding:.35rem .75rem;border-left:3px solid var(--line);background:var(--soft);font-size:.95rem}
mark{background:#fff2a8;color:inherit;padding:0 .1em}
.meta{font-size:.85rem;color:var(--muted)}
.badge{display:inline-block;font-size:.72rem;font-weight:600;letter-spacing:.03em;text-transform:uppercase;padding:.05rem .45rem;border-radius:.6rem;border:1px solid currentColor;margin-right:.35rem}
.badge.contested,.badge.conflict{color:var(--den)}.badge.single-origin,.badge.estimated,.badge.flag{color:var(--warn)}
.claim{border:1px solid var(--line);border-radius:.4rem;padding:.25rem 1rem .5rem;margin:1rem 0;break-inside:avoid}
.claim.contested{border-left:5px solid var(--den)}.claim.single-origin{border-left:5px solid var(--warn)}
.origins,.variant{font-size:.88rem}
.sides{list-style:none;padding:0;margin:.5rem 0}
.side{margin:.5rem 0}.side.related{opacity:.75}
.stance{font-family:system-ui,sans-serif;font-weight:700;font-size:.8rem;text-transform:uppercase}
.side.supports .stance{color:var(--sup)}.side.denies .stance{color:var(--den)}
.timeline{list-style:none;margin:0 0 0 .6rem;padding:0 0 0 1.25rem;border-left:3px solid var(--line)}
.event{position:relative;margin:0 0 1rem;padding-left:.75rem}
.event::before{content:"";position:absolute;left:-1.85rem;top:.45rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--ink);border:2px solid var(--bg)}
.event.estimated::before{background:var(--bg);border:2px dashed var(--warn)}
.event.conflict::before{background:var(--den)}
.when{font-weight:700;font-size:.95rem}.when .anchor{font-weight:400;color:var(--muted);font-size:.82rem;margin-left:.4rem}
summary{cursor:pointer;font-family:Georgia,serif}
.speaker{margin-bottom:1.5rem}
.speaker ul{padding-left:1.1rem}
.url{overflow-wrap:anywhere}
@media print{
 body{max-width:none;padding:0;font-size:11pt}
 nav{display:none}
 a{color:inherit;text-decoration:none}
 details>summary{list-style:none}
 details::details-content{content-visibility:visible;block-size:auto}
 h2{break-after:avoid}h3{break-after:avoid}
 .event,.side,tr{break-inside:avoid}
}
"""


UNTITLED = '<span class="none">(untitled)</span>'


def esc(value: object) -> str:
    """Untrusted text as HTML, safe in element content and in quoted attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy() -> str:
    """No network, no plugins, no forms; inline styles and the one hashed print helper only."""
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_hash(PRINT_SCRIPT)}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def link(url: str | None) -> str:
    """An http(s) URL as a link (text and href escaped); any other URL as plain text."""
    if not url:
        return '<span class="none">no URL</span>'
    safe = c.safe_url(url)
    if safe is None:
        return f'<span class="url">{esc(url)}</span>'
    return f'<a class="url" href="{esc(safe)}" rel="noopener noreferrer nofollow">{esc(safe)}</a>'


def quote(excerpt: c.Excerpt | None, css: str = "source") -> str:
    """A source sentence as a blockquote with the span in <mark>."""
    if excerpt is None:
        return f'<blockquote class="{css}"><span class="none">source document not in dossier</span></blockquote>'
    marked = f"<mark>{esc(excerpt.marked)}</mark>" if excerpt.marked.strip() else esc(excerpt.marked)
    prefix = c.ELLIPSIS if excerpt.clipped_start else ""
    suffix = c.ELLIPSIS if excerpt.clipped_end else ""
    return f'<blockquote class="{css}">{prefix}{esc(excerpt.before)}{marked}{esc(excerpt.after)}{suffix}</blockquote>'


def badge(text: str, css: str) -> str:
    """A small coloured label."""
    return f'<span class="badge {esc(css)}">{esc(text)}</span>'


def none_found(what: str) -> str:
    """The one-line note for an empty section."""
    return f'<p class="none">No {esc(what)} found.</p>'


def plural(n: int, word: str) -> str:
    """"1 document", "2 documents"."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def section(key: str, title: str, body: Iterable[str]) -> str:
    """A report section with its anchor id and heading."""
    return f'<section id="{key}">\n<h2>{esc(title)}</h2>\n' + "\n".join(body) + "\n</section>"


def section_header(dossier: Dossier) -> str:
    """The story in numbers, the documents read (with dates and links) and the inputs skipped."""
    facts = c.story_facts(dossier)
    outlets = ", ".join(esc(o) for o in facts.outlets) or "none named"
    parts = [
        '<header id="story">',
        "<h1>storytrace report</h1>",
        f'<p class="facts">{plural(facts.documents, "document")} · {plural(len(facts.outlets), "outlet")} '
        f"({outlets}) · published {esc(c.date_range_label(facts))}</p>",
        "<nav>" + "".join(f'<a href="#{key}">{esc(title)}</a>' for key, title in SECTIONS) + "</nav>",
        "<h2>Documents</h2>",
    ]
    if dossier.documents:
        rows = []
        for d in dossier.documents:
            published = esc(c.published_label(d))
            if d.published_estimated and d.published:
                published = f"{published} {badge('estimated', 'estimated')}"
            title = esc(d.title) if d.title else UNTITLED
            rows.append(f"<tr><td>{title}</td>"
                        f"<td>{esc(d.outlet or '–')}</td><td>{published}</td>"
                        f'<td class="url">{esc(d.source)}</td><td>{link(d.url)}</td></tr>')
        parts.append("<table><thead><tr><th>Title</th><th>Outlet</th><th>Published</th><th>Source</th><th>URL</th>"
                     "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    else:
        parts.append(none_found("documents"))
    if dossier.skipped:
        parts.append("<h3>Skipped inputs</h3><ul>" + "".join(
            f'<li><span class="url">{esc(s.source)}</span>: {esc(s.reason)}</li>' for s in dossier.skipped) + "</ul>")
    parts.append("</header>")
    return "\n".join(parts)


def _side(mention: ClaimMention, statements: Mapping[str, Statement], documents: Mapping[str, Document]) -> str:
    """One side of a claim: stance, speaker, outlet/document, origin and the source sentence."""
    statement = statements.get(mention.statement) if mention.statement else None
    speaker = (f'<strong>{esc(statement.speaker.name)}</strong> '
               f'<span class="meta">({esc(statement.speaker.kind)})</span>'
               if statement else f"<strong>{esc(c.own_voice(documents.get(mention.doc)))}</strong>")
    where = esc(c.doc_long_label(documents.get(mention.doc), mention.doc))
    stance = esc(mention.stance)
    related = "" if mention.counted else ' <span class="meta related">related, not counted</span>'
    kind = "side" if mention.counted else "side related"
    return (f'<li class="{kind} {stance}"><span class="stance">{stance}</span>{related} {speaker} '
            f'<span class="meta">in {where} · origin: {esc(mention.origin or "unknown")}</span>'
            f"{quote(c.doc_excerpt(documents, mention.doc, mention.start, mention.end))}</li>")


def _claim(claim: Claim, statements: Mapping[str, Statement], documents: Mapping[str, Document],
           doc_order: Mapping[str, int]) -> str:
    """One claim card: text, labels, independent origins per stance, and every side."""
    group = c.claim_group(claim)
    badges = {"contested": badge("contested", "contested"), "single-origin": badge("single origin", "single-origin"),
              "other": "", "made-once": badge("made once", "flag")}[group]
    badges += "".join(badge(f, "flag") for f in c.extra_flags(claim, group))
    counts = []
    for stance in c.claim_stances(claim):
        origins = c.stance_origins(claim, stance)
        names = f" ({', '.join(esc(o) for o in origins)})" if origins else ""
        counts.append(f"<strong>{esc(stance)}</strong>: {plural(len(origins), 'independent origin')}{names}")
    sides = "".join(_side(m, statements, documents) for m in c.ordered_mentions(claim, doc_order))
    variants = "".join(
        f'<p class="variant">Variants, not denials — {esc(v.label)}: '
        + " · ".join(f"“{esc(words)}” <span class=\"meta\">({esc(where)})</span>" for words, where in v.values) + "</p>"
        for v in c.variant_lines(claim, documents))
    return (f'<article class="claim {esc(group)}"><h3>{esc(claim.text) or "(claim without text)"}</h3>'
            f"<div>{badges}</div>"
            f'<p class="origins">{" · ".join(counts) or "no origins recorded"}</p>{variants}'
            f'<ul class="sides">{sides}</ul></article>')


def section_claims(dossier: Dossier) -> str:
    """Contested claims first, then single-origin ones, then the rest."""
    if not dossier.claims:
        return section("claims", "Claims board", [none_found("claims")])
    documents, doc_order = c.doc_index(dossier)
    statements = c.statement_index(dossier)
    return section("claims", "Claims board",
                   [_claim(cl, statements, documents, doc_order) for cl in c.ordered_claims(dossier.claims)])


def _event(members: Sequence[Event], documents: Mapping[str, Document], entities: Mapping[str, Entity]) -> str:
    """One timeline entry (a happening, told by one or more documents); the source sentences open
    on click (<details>, no script needed); differing dates are all shown when sources disagree."""
    event = members[0]
    css = "event" + (" estimated" if event.time.estimated else "") + (" conflict" if event.conflict else "")
    flags = badge("conflicting dates", "conflict") if event.conflict else ""
    said = f"“{esc(event.time.text)}”, " if event.time.text else ""
    others = [m for m in members[1:] if m.time.value != event.time.value]
    also = "".join(f' <span class="anchor">· {esc(c.source_labels((m.doc,), documents)[0])}: '
                   f'<time datetime="{esc(m.time.value)}">{esc(c.time_label(m))}</time></span>' for m in others)
    when = (f'<div class="when"><time datetime="{esc(event.time.value)}">{esc(c.time_label(event))}</time> {flags}'
            f'<span class="anchor">{said}{esc(c.anchor_label(event.time.anchor))}</span>{also}</div>')
    meta = []
    if event.predicate:
        meta.append(f"predicate: <strong>{esc(event.predicate)}</strong>")
    if event.participants:
        meta.append("participants: " + ", ".join(esc(n) for n in c.names_for(event.participants, entities)))
    sources = c.source_labels(event.sources or (event.doc,), documents)
    meta.append("sources: " + ", ".join(esc(s) for s in sources))
    text = esc(event.text or event.predicate) or "(no text)"
    sentences = "".join(quote(c.doc_excerpt(documents, m.doc, m.start, m.end)) for m in members)
    return (f'<li class="{css}">{when}<details><summary>{text}</summary>{sentences}</details>'
            f'<p class="meta">{" · ".join(meta)}</p></li>')


def section_timeline(dossier: Dossier) -> str:
    """Events in date order as a vertical timeline; estimated dates drawn and labelled differently."""
    if not dossier.events:
        return section("timeline", "Timeline", [none_found("dated events")])
    documents, doc_order = c.doc_index(dossier)
    entities = {e.id: e for e in dossier.entities}
    items = [_event(members, documents, entities) for members in c.timeline_entries(dossier.events, doc_order)]
    return section("timeline", "Timeline", ['<p class="meta">Click an event to see the sentence it comes from.</p>',
                                            '<ol class="timeline">', *items, "</ol>"])


def section_actors(dossier: Dossier) -> str:
    """Entities, most mentioned first, with kind, aliases and mentions per document."""
    if not dossier.entities:
        return section("actors", "Actors", [none_found("actors")])
    documents, _ = c.doc_index(dossier)
    rows = []
    for entity in c.ordered_entities(dossier.entities):
        per_doc = "<br>".join(f"{esc(c.doc_label(documents.get(d), d))}: {n}"
                              for d, n in c.mention_counts(entity).items())
        rows.append(f"<tr><td><strong>{esc(entity.name)}</strong></td><td>{esc(c.entity_kind(entity))}</td>"
                    f"<td>{esc(', '.join(c.other_aliases(entity))) or '–'}</td>"
                    f'<td class="num">{len(entity.mentions)}</td><td>{per_doc or "–"}</td></tr>')
    table = ("<table><thead><tr><th>Name</th><th>Kind</th><th>Aliases</th><th>Mentions</th><th>Per document</th>"
             "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return section("actors", "Actors", [table])


def _statement(st: Statement, documents: Mapping[str, Document]) -> str:
    """One statement: cue, mode, polarity, via, where, and its sentence with the content marked."""
    meta = [f"<strong>{esc(st.cue) or '(no cue)'}</strong>", esc(st.mode), esc(st.polarity)]
    if st.via:
        meta.append("via " + ", ".join(esc(v) for v in st.via))
    meta.append(esc(c.doc_long_label(documents.get(st.doc), st.doc)))
    named = c.speaker_words(st, documents.get(st.doc))
    if named:
        meta.append(f"named here as “{esc(named)}”")
    return (f'<li><p class="meta">{" · ".join(meta)}</p>'
            f"{quote(c.doc_excerpt(documents, st.doc, st.start, st.end))}</li>")


def section_statements(dossier: Dossier) -> str:
    """Who said what, grouped by speaker, most prolific first."""
    groups = c.speaker_groups(dossier)
    if not groups:
        return section("statements", "Statements", [none_found("statements")])
    documents, _ = c.doc_index(dossier)
    body = []
    for group in groups:
        items = "".join(_statement(st, documents) for st in group.statements)
        body.append(f'<div class="speaker"><h3>{esc(group.name)} <span class="meta">({esc(group.kind)}) · '
                    f"{plural(len(group.statements), 'statement')}</span></h3><ul>{items}</ul></div>")
    return section("statements", "Statements", body)


def section_provenance(dossier: Dossier) -> str:
    """Which document cites which source, how, and the sentence that says so."""
    if not dossier.provenance:
        return section("provenance", "Provenance", [none_found("provenance links")])
    documents, doc_order = c.doc_index(dossier)
    rows = []
    for edge in sorted(dossier.provenance, key=lambda p: (doc_order.get(p.doc, 1 << 30), p.start)):
        rows.append(f"<tr><td>{esc(c.doc_label(documents.get(edge.doc), edge.doc))}</td><td>→</td>"
                    f"<td><strong>{esc(edge.cites)}</strong></td><td>{esc(edge.relation)}</td>"
                    f"<td><details><summary>sentence</summary>"
                    f"{quote(c.doc_excerpt(documents, edge.doc, edge.start, edge.end))}</details></td></tr>")
    table = ("<table><thead><tr><th>Document</th><th></th><th>Source</th><th>Relation</th><th>Evidence</th>"
             "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return section("provenance", "Provenance", [table])


def page_title(dossier: Dossier) -> str:
    """The browser tab title: the first document's title when there is one."""
    first = next((d.title for d in dossier.documents if d.title), None)
    return f"storytrace report — {first}" if first else "storytrace report"


def render_html(dossier: Dossier) -> str:
    """The whole report as one self-contained HTML document."""
    body = [section_header(dossier), section_claims(dossier), section_timeline(dossier), section_actors(dossier),
            section_statements(dossier), section_provenance(dossier)]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy())}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(page_title(dossier))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>{PRINT_SCRIPT}</script>\n</body>\n</html>\n"
    )
