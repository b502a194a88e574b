"""ruextract: facts about international business and innovation cooperation from Russian news."""

__version__ = "0.1.0"

# after __version__: api imports modules that read it
from .api import load, process

__all__ = ["__version__", "load", "process"]
