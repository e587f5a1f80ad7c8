"""hamkor: Russia–Uzbekistan regional cooperation, read from the news into a sourced knowledge base."""

__version__ = "0.1.0"
# Bumped whenever extraction rules change, so the knowledge base re-extracts stored articles.
EXTRACTOR_VERSION = "2"
