# hoptac: the command line and the API. Built by docker-compose.yml (see docs/cypher.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HOPTAC_STORE=/data/hoptac-data

WORKDIR /app

# dependencies first, so a code change does not reinstall them
COPY requirements.lock ./
RUN pip install -r requirements.lock

# the package, installed editable: queries/ (named queries, data next to the graph package) is found
COPY . .
RUN pip install --no-deps -e .

VOLUME ["/data"]
EXPOSE 8000
CMD ["hoptac", "--help"]
