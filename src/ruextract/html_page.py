"""HTML → article text, the way a reading-mode extractor does it (nothing is executed): the
main content chosen, page furniture (menus, comments, sidebars, "read also") left out, the
title, URL and date read from the page, and a listing page's articles one by one."""

from __future__ import annotations

import html as html_module
from dataclasses import dataclass
from html.entities import html5 as HTML5_ENTITIES
from urllib.parse import urljoin

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

# Markup whose text is never article text.
NON_ARTICLE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                    "iframe", "svg", "template", "button", "select", "menu")
BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section",
              "article", "blockquote", "pre", "figcaption", "dd", "dt", "table", "ul", "ol")
# Elements CMSs and schema.org mark as the article body, the most specific first.
ARTICLE_BODY_SELECTORS = ('[itemprop="articleBody"]', ".article-body", ".article__body",
                          ".article-text", ".article__text", ".news-text", ".news-body",
                          ".entry-content", ".post-content", ".post-body", ".story-body",
                          ".news-detail")
# Where a page without <h1> names its article.
HEADLINE_SELECTORS = ('[itemprop="headline"]', ".article-title", ".article__title",
                      ".news-title", ".entry-title", ".post-title")
LISTING_HEADINGS = "h1, h2, h3, h4"
# Words of class names and ids that mark page furniture. Matched as whole words of a class
# token or id split at «-» and «_» («share-buttons», «top-menu»), never as substrings: the
# «content» of «article-content» is no word here, and «comments» is not «commentary».
NON_ARTICLE_WORDS = frozenset({
    "comment", "comments", "sidebar", "popular", "related", "share", "sharing", "social",
    "breadcrumb", "breadcrumbs", "menu", "navbar", "banner", "cookie", "cookies", "widget",
    "widgets", "teaser", "teasers", "advert", "adverts", "advertisement", "ad", "ads", "promo",
    "subscribe", "subscription", "tags", "pager", "pagination", "footer", "popup", "modal",
})
# Whole class tokens or ids of the same kind whose words alone say nothing («also», «more»).
NON_ARTICLE_TOKENS = frozenset({"read-also", "readalso", "see-also", "read-more", "readmore",
                                "more-news", "other-news", "chitaite-takzhe"})
# An element holding more than this share of the page's text is a wrapper, not furniture.
WRAPPER_SHARE = 0.6
# Elements never dropped for their class: what holds everything else.
NEVER_DROPPED = frozenset({"html", "body", "main"})
# A link that only leads on to the full story: «Подробнее »», «Читать далее».
MORE_LINK = regex.compile(r"(подробнее|читать далее|читать полностью|далее|read more|more)"
                          r"\s*[»>→….]*", regex.IGNORECASE)
# A line that points to other stories, inline in the text: «Читайте также: …».
READ_ALSO_LINE = regex.compile(r"\W*(?:(?:читайте|смотрите|читать)\s+(?:также|еще|ещё|по\s+теме)\b"
                               r"|по\s+теме\s*:|(?:read|see)\s+also\b)", regex.IGNORECASE)
# Tags and entities that make a JSONL/CSV text HTML; a stray «<» or «&» does not.
FRAGMENT_TAG = regex.compile(
    r"</?(p|br|div|span|a|b|i|u|em|strong|h[1-6]|li|ul|ol|blockquote|table|tr|td|img|figure|"
    r"figcaption|section|article|sup|sub|font|hr)(\s[^<>]*)?/?>", regex.IGNORECASE)
ENTITY = regex.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
DATE_META_NAMES = ("pubdate", "date", "dc.date")


@dataclass(slots=True)
class PageArticle:
    """One article of a page: its text (one block a line) and what the page says of it."""

    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None


def read_page(page: str) -> list[PageArticle]:
    """The page's article, or each article of a listing page (several sibling <article>s and
    none holding the page's <h1>). The tree is only read until every element to drop is
    known, then changed once: a node inside a removed one must never be touched again."""
    tree = LexborHTMLParser(page)
    _space_glued_links(tree)
    meta = _meta_values(tree)
    page_url = _page_url(tree, meta)
    headline = _headline(tree)
    headline_text = _line_text(headline) if headline is not None else None
    markers = _article_bodies(tree)
    h1_article = _closest(headline, "article") if headline is not None else None
    articles = [node for node in tree.css("article") if _closest(node, "article") is None]
    single_marker = markers[0] if len(markers) == 1 else None
    # a listing: several articles, each with its own heading (not a story whose <h1> stands
    # outside its <article>, beside a related one)
    listing = single_marker is None and h1_article is None and len(articles) >= 2 \
        and all(node.css_first(LISTING_HEADINGS) is not None for node in articles)
    headings = {node.mem_id: _listing_heading(node, page_url) for node in articles} \
        if listing else {}
    keep = [node for node in (headline, h1_article, *markers) if node is not None]
    headline_path = {node.mem_id for node in _ancestors(headline)}
    for node in _to_drop(tree, keep, articles if listing else []):
        node.decompose()  # (never one of ``keep`` nor what holds it: those stay valid)

    if listing:
        kept = [node for node in tree.css("article") if _closest(node, "article") is None]
        if len(kept) >= 2:
            return [_listing_article(node, headings.get(node.mem_id)) for node in kept]
    root = _main_content(tree, single_marker, h1_article)
    title = headline_text or meta.get("og:title") or _title_tag(tree)
    text = _block_text(root) if root is not None else ""
    if headline_text and root is not None and root.mem_id not in headline_path:
        # the headline stands outside the body chosen: it is text too, and its first line
        text = f"{headline_text}\n{text}" if text else ""
    date = (meta.get("article:published_time") or _date_published(tree)
            or _time_in(root) or next((meta[name] for name in DATE_META_NAMES if meta.get(name)),
                                      None))
    return [PageArticle(text, title, page_url, date)]


def html_to_text(page: str) -> tuple[str, str | None]:
    """The article text of a page and its title (a listing's articles one after another,
    with the first one's title)."""
    found = read_page(page)
    return "\n".join(a.text for a in found if a.text), found[0].title if found else None


def has_markup(text: str) -> bool:
    """Whether a JSONL/CSV text is HTML: a known tag, or an entity HTML defines."""
    if FRAGMENT_TAG.search(text):
        return True
    for match in ENTITY.finditer(text):
        name = match.group(1)
        if name.startswith("#") or f"{name};" in HTML5_ENTITIES:
            return True
    return False


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment: tags removed, entities decoded, blocks as lines."""
    tree = LexborHTMLParser(fragment)
    _space_glued_links(tree)
    for node in _outermost(tree.css(", ".join(NON_ARTICLE_TAGS))):
        node.decompose()
    root = tree.body or tree.root
    return _block_text(root) if root is not None else ""


def plain_title(title: str) -> str:
    """A JSONL/CSV title with its entities decoded (and tags removed, if any)."""
    if FRAGMENT_TAG.search(title):
        return " ".join(fragment_text(title).split())
    return html_module.unescape(title) if has_markup(title) else title


# -- choosing the content ------------------------------------------------------------------

def _main_content(tree: LexborHTMLParser, marker: LexborNode | None,
                  h1_article: LexborNode | None) -> LexborNode | None:
    """The marked article body (or the <article> of the <h1> holding it: its lead too), else
    the <article> of the <h1>, else the one <article>, else <main>, else the densest block."""
    if marker is not None and h1_article is not None and h1_article.mem_id in {
            node.mem_id for node in _ancestors(marker)}:
        return h1_article
    if marker is not None:
        return marker
    if h1_article is not None:
        return h1_article
    several = _article_bodies(tree)
    if several:  # marked several times (a lead and a body?): the longest
        return max(several, key=lambda node: len(node.text()))
    articles = [node for node in tree.css("article") if _closest(node, "article") is None]
    if articles:
        return max(articles, key=lambda node: len(node.text()))
    return tree.css_first("main") or _densest(tree) or tree.body or tree.root


def _densest(tree: LexborHTMLParser) -> LexborNode | None:
    """The block holding the most paragraph text (text and inline markup directly inside it,
    links not counted), each block's score half added to its parent's: an article in
    several <div>s of paragraphs is taken whole."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for node in tree.css("div, section, td, article, main"):
        own = sum(_paragraph_chars(child) for child in node.iter(include_text=True))
        if not own:
            continue
        nodes[node.mem_id] = node
        scores[node.mem_id] = scores.get(node.mem_id, 0) + own
        parent = node.parent
        if parent is not None and parent.tag in ("div", "section", "td", "article", "main"):
            nodes[parent.mem_id] = parent
            scores[parent.mem_id] = scores.get(parent.mem_id, 0) + own / 2
    if not scores:
        return None
    return nodes[max(scores, key=lambda mem_id: scores[mem_id])]


PARAGRAPH_TAGS = frozenset({"p", "b", "i", "u", "em", "strong", "span", "font", "blockquote",
                            "q", "sup", "sub", "br"})


def _paragraph_chars(node: LexborNode) -> int:
    if node.is_text_node:
        return len(node.text().strip())
    if node.tag not in PARAGRAPH_TAGS:
        return 0
    links = sum(len(link.text()) for link in node.css("a"))
    return max(0, len(node.text().strip()) - links)


def _article_bodies(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements of the first article-body mark the page uses (outermost ones only)."""
    for selector in ARTICLE_BODY_SELECTORS:
        found = tree.css(selector)
        if found:
            return _outermost(found)
    return []


def _headline(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's <h1> (one inside an <article> or <main> before a logo's), else an element
    marked as the headline."""
    heads = tree.css("h1")
    for head in heads:
        if _closest(head, "article") is not None or _closest(head, "main") is not None:
            return head
    if heads:
        return heads[0]
    for selector in HEADLINE_SELECTORS:
        node = tree.css_first(selector)
        if node is not None and node.tag != "meta" and _line_text(node):
            return node
    return None


def _to_drop(tree: LexborHTMLParser, keep: list[LexborNode],
             listing: list[LexborNode]) -> list[LexborNode]:
    """The outermost elements that are no article text: by tag, «read more» links, and by
    the words of their class or id. What holds the headline or the article body is kept
    whatever its tag or class says (a <form> around a whole page, an <article>'s <header>
    with its <h1>); so is a listing's article marked «teaser» when all are."""
    protected = {node.mem_id for kept in keep for node in _ancestors(kept)}
    found = tree.css(", ".join(NON_ARTICLE_TAGS))
    found += [link for link in tree.css("a") if MORE_LINK.fullmatch(link.text().strip())]
    found = [node for node in found if node.mem_id not in protected]
    page_chars = len((tree.body or tree.root).text()) if (tree.body or tree.root) else 0
    by_class = [node for node in tree.css("[class], [id]")
                if node.tag not in NEVER_DROPPED and node.mem_id not in protected
                and _furniture(node) and not _holds_most(node, page_chars)]
    flagged = {node.mem_id for node in by_class}
    among_others = [a for a in listing
                    if not any(n.mem_id in flagged for n in _ancestors(a) if n is not a)]
    if len(among_others) >= 2 and all(a.mem_id in flagged for a in among_others):
        spared = {a.mem_id for a in among_others}  # a listing of teasers is the content
        by_class = [node for node in by_class if node.mem_id not in spared]
    return _outermost(found + by_class)


def _holds_most(node: LexborNode, page_chars: int) -> bool:
    """Does the element hold most of the page's text («<div class="page page--with-sidebar">»
    around it all): a wrapper, whatever its class says?"""
    return page_chars > 0 and len(node.text()) > WRAPPER_SHARE * page_chars


def _furniture(node: LexborNode) -> bool:
    attributes = node.attributes
    tokens = (attributes.get("class") or "").lower().split()
    tokens += (attributes.get("id") or "").lower().split()
    for token in tokens:
        if token.replace("_", "-") in NON_ARTICLE_TOKENS:
            return True
        if any(word in NON_ARTICLE_WORDS for word in regex.split(r"[-_]+", token)):
            return True
    return False


# -- a listing page's articles -------------------------------------------------------------

@dataclass(slots=True)
class _Heading:
    title: str | None
    url: str | None
    date: str | None


def _listing_heading(article: LexborNode, page_url: str | None) -> _Heading:
    heading = article.css_first(LISTING_HEADINGS)
    title = _line_text(heading) if heading is not None else None
    link = (heading.css_first("a[href]") if heading is not None else None) or \
        article.css_first("a[href]")
    url = urljoin(page_url or "", link.attributes.get("href") or "") if link else None
    if url and not url.startswith(("http://", "https://")):
        url = None  # a relative link on a page whose address is unknown
    return _Heading(title or None, url, _date_published(article) or _time_in(article))


def _listing_article(article: LexborNode, heading: _Heading | None) -> PageArticle:
    heading = heading or _Heading(None, None, None)
    text = _block_text(article)
    if heading.title and not text.startswith(heading.title):
        text = f"{heading.title}\n{text}" if text else ""  # its heading was in a <header>
    return PageArticle(text, heading.title, heading.url, heading.date)


# -- metadata -----------------------------------------------------------------------------

def _meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    """<meta> contents by lower-case name, property or itemprop (the first of each)."""
    values: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        content = (attributes.get("content") or "").strip()
        for key in ("name", "property", "itemprop"):
            name = (attributes.get(key) or "").strip().lower()
            if name and content:
                values.setdefault(name, content)
    return values


def _page_url(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    canonical = tree.css_first("link[rel~=canonical][href]")
    href = (canonical.attributes.get("href") or "").strip() if canonical else ""
    return href or meta.get("og:url") or None


def _date_published(node: LexborHTMLParser | LexborNode) -> str | None:
    found = node.css_first('[itemprop="datePublished"]')
    if found is None:
        return None
    attributes = found.attributes
    value = attributes.get("content") or attributes.get("datetime") or found.text()
    return value.strip() or None


def _time_in(node: LexborNode | None) -> str | None:
    found = node.css_first("time[datetime]") if node is not None else None
    return (found.attributes.get("datetime") or "").strip() or None if found else None


def _title_tag(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return _line_text(node) or None if node is not None else None


# -- text ---------------------------------------------------------------------------------

def _space_glued_links(tree: LexborHTMLParser) -> None:
    """A space after a link that is followed straight by another element: menus written as
    <a>Новости</a><a>Политика</a> must not read as «НовостиПолитика»."""
    for link in tree.css("a"):
        following = link.next
        if following is not None and following.is_element_node:
            link.insert_after(" ")


def _block_text(root: LexborNode) -> str:
    """The text of ``root``, one block a line, spaces collapsed; «read also» lines left out."""
    for node in root.css(", ".join(BLOCK_TAGS)):
        node.insert_before("\n")
        node.insert_after("\n")
    lines = (" ".join(line.split()) for line in root.text(deep=True, separator="").splitlines())
    return "\n".join(line for line in lines if line and not READ_ALSO_LINE.match(line))


def _line_text(node: LexborNode) -> str:
    return " ".join(node.text(deep=True, separator="").split())


def _ancestors(node: LexborNode | None) -> list[LexborNode]:
    """``node`` and every element above it."""
    found = []
    while node is not None and node.tag != "-document":
        found.append(node)
        node = node.parent
    return found


def _closest(node: LexborNode, tag: str) -> LexborNode | None:
    """The nearest element above ``node`` (not itself) of ``tag``."""
    return next((above for above in _ancestors(node)[1:] if above.tag == tag), None)


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` without those inside another of them (removing one frees what it holds)."""
    ids = {node.mem_id for node in nodes}
    unique = {node.mem_id: node for node in nodes}
    return [node for node in unique.values()
            if not any(above.mem_id in ids for above in _ancestors(node)[1:])]
