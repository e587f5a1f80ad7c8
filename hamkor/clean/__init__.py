"""Cleaning: raw bytes or HTML to clean article text with its metadata."""
