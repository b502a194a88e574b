"""Delegations and relation rules: mentions → relations between a document's entities.

The rules are data (``data/rules/relations.yaml`` + word lists); each names the matcher
that runs it. One module per family of relations, on the shared ``Context``:

- ``context``: the document context (mentions, tokens, sentences, delegation references)
  and the helpers matchers share (scopes, clause bounds, person lists, ``add``, dates);
  ``@matcher("name")`` registers a family function as the matcher of rules naming it;
- ``vocabulary``: the word lists matchers read, compiled once;
- ``delegations``: the visiting groups, their references and origins (DELEGATION_FROM);
- ``visits`` (VISITED), ``roles`` (WORKS_FOR, HEADED_BY), ``members`` (MEMBER_OF_DELEGATION),
  ``places`` (LOCATED_IN, RESIDENT_OF, PART_OF), ``agreements`` (AGREEMENT_WITH),
  ``events`` (PARTICIPATED_IN);
- ``extractor``: ``RelationExtractor``, which runs the rules of ``relations.yaml``.

A new phrasing of a family is a rule in ``relations.yaml`` (and its words) run by that
family's matcher, or a new function of the family module with ``@matcher("name")`` and a
rule with ``method: name``.
"""

from .context import MATCHERS, SITE_TYPES, SYMMETRIC, Context, Delegation, Ref, matcher
from .extractor import RelationExtractor
from .vocabulary import Vocabulary

__all__ = ["MATCHERS", "SITE_TYPES", "SYMMETRIC", "Context", "Delegation", "Ref",
           "RelationExtractor", "Vocabulary", "matcher"]
