"""The dashboard's views, one module each; app.py picks one. Views import state, cached, markup and the
measures and present packages, never each other."""
