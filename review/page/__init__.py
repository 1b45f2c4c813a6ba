"""Pieces of the Streamlit page (``app.py``) that are plain Python and can be tested alone."""
