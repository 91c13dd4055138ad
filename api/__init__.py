"""Entry points: the `hoptac` command line and the FastAPI app. Only this layer reads settings or the
environment."""
