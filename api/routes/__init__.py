"""The app's routers, one module per family of endpoints."""
