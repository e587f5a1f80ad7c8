"""The web pages, in Russian, over the read side (``hamkor.kb.query``); analysts' edits."""
