"""tracker: a local-first pain and exercise diary for the terminal."""
