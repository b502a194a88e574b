"""ruextract: facts about international business and innovation cooperation from Russian news."""

__version__ = "0.1.0"
