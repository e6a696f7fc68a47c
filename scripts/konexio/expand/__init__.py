"""Step 4: expand cohorts into dated occurrences, once, for every output."""

from konexio.expand.occurrences import Occurrence, OccurrenceStatus, Schedule, expand

__all__ = ["Occurrence", "OccurrenceStatus", "Schedule", "expand"]
