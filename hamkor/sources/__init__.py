"""Sources: turn files, pages, feeds and dumps into RawArticle records."""
