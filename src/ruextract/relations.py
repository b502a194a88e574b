"""Delegations and relation rules: mentions → relations between a document's entities."""

from __future__ import annotations

from .doc import Doc
from .morph import Analyzer
from .rules import RuleSet


class RelationExtractor:
    """Compiled relation rules; built once per process."""

    def __init__(self, rules: RuleSet, analyzer: Analyzer) -> None:
        self.rules = rules
        self.analyzer = analyzer

    def extract(self, doc: Doc) -> None:
        doc.relations = []
