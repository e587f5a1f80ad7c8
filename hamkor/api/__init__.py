"""The JSON API under /api and the app that serves it with the web pages (``create_app``)."""
