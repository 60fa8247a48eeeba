"""Logic behind the Streamlit pages: rendering helpers, form parsing, session and history wiring.

The page scripts (`app.py`, `pages/*.py`) only lay out widgets and call into this package, so the logic can
be unit-tested without a browser. `render` and `forms` never import Streamlit.
"""
