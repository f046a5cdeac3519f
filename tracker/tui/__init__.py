"""The Textual app: `tracker.tui.app.run_app` opens it; nothing here imports Textual eagerly.

Layout: `app.py` (the App, which owns the store and runs every database job in a worker),
`messages.py` (what the workers and screens tell each other), `data.py` (Textual-free loaders
run inside the workers), `failures.py` (one line for whatever a worker met), `commands.py` (the
key/palette table), `screens/`, `widgets/` (`own_keys.py`: form controls that keep a fast
typist's keys in the field they were typed into).

Three rules every screen keeps: user text is shown verbatim (Text objects or markup=False,
never a markup string), every worker catches everything and reports one line, and a form with
changes asks before it is thrown away.
"""
