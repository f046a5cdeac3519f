"""The Textual app: `tracker.tui.app.run_app` opens it; nothing here imports Textual eagerly.

Layout: `app.py` (the App, which owns the store and runs every database job in a worker),
`messages.py` (what the workers and screens tell each other), `data.py` (Textual-free loaders
run inside the workers), `commands.py` (the key/palette table), `screens/`, `widgets/`.
"""
