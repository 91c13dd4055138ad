"""Gazetteer of Vietnamese and foreign administrative units, and the name resolver.

The names are data (``ingest/gazetteer/data``, every row citing a source key defined in
``sources.yaml``); this package loads them once and resolves mentions:

    >>> from ingest.gazetteer import get_gazetteer
    >>> gz = get_gazetteer()
    >>> gz.lookup("Khăm Muôn", country="LA")[0].key
    'LA-KH'
    >>> gz.vn_province("Hà Tĩnh").iso3166_2
    'VN-23'
"""

from ingest.gazetteer._fold import compact_key, fold_key, strip_marks
from ingest.gazetteer.model import Candidate, Resolution, ReviewItem, Succession, Unit
from ingest.gazetteer.resolve import AUTO_THRESHOLD, REVIEW_THRESHOLD, Gazetteer, get_gazetteer

__all__ = [
    "AUTO_THRESHOLD",
    "REVIEW_THRESHOLD",
    "Candidate",
    "Gazetteer",
    "Resolution",
    "ReviewItem",
    "Succession",
    "Unit",
    "compact_key",
    "fold_key",
    "get_gazetteer",
    "strip_marks",
]
