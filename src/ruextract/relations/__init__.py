"""Delegations and relation rules: mentions → relations between a document's entities."""

from .extractor import RelationExtractor

__all__ = ["RelationExtractor"]
