"""Step 5c: the offer as open data, in the formats social workers' tools read.

- ``offers(dataset, schedule, today)``: the offer, one ``Offer`` per program at an antenna
  in France, with its cohorts not yet over (the same cohorts as the pages);
- ``data_inclusion.structures(...)`` / ``services(...)``: data·inclusion records, built with
  the ``data-inclusion-schema`` package's own models (a refused field fails the build);
- ``lheo.document(...)``: the same offer in LHEO 2.3 (formations, actions, sessions);
- ``write_open_data(...)``: writes them at ``urls.OPEN_DATA_FILES`` under the site, dated by
  git; ``published(dataset)``: which of them a build writes (the partners' page lists them).
"""

from konexio.opendata.offer import Offer, offers
from konexio.opendata.write import OPEN_DATA_FILES, published, write_open_data

__all__ = ["OPEN_DATA_FILES", "Offer", "offers", "published", "write_open_data"]
