"""`python -m hamkor` is the `hamkor` command."""

from hamkor.cli import main

main()
