"""The gazetteer: every Russian and Uzbek region with its ISO 3166-2 code and name forms."""

from hamkor.gazetteer.registry import Gazetteer, Region, load

__all__ = ["Gazetteer", "Region", "load"]
