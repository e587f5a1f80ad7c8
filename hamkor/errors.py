"""The project's exceptions; the CLI and the API translate them at the edges."""


class HamkorError(Exception):
    """Base of every error hamkor raises on purpose."""


class InputError(HamkorError):
    """An input (file, page, feed, line, URL) cannot be read; the message names it and says why."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class FetchError(InputError):
    """A URL could not be fetched (timeout, status, size, redirects)."""


class DataError(HamkorError):
    """A bundled data file (gazetteer, titles) is malformed."""


class NotFound(HamkorError):
    """A named thing (region, person, agreement) is not in the knowledge base."""


class AuthError(HamkorError):
    """Missing or wrong credentials."""
