"""Step 2: the typed model of programs, antennas, cohorts, volunteer roles and privacy."""

from konexio.load.discover import Kind
from konexio.model.antenna import Antenna
from konexio.model.cohort import Cohort
from konexio.model.organisation import Organisation
from konexio.model.privacy import Privacy
from konexio.model.program import Program
from konexio.model.volunteers import Roles, Sheets

MODELS = {
    Kind.program: Program,
    Kind.antenna: Antenna,
    Kind.cohort: Cohort,
    Kind.roles: Roles,
    Kind.sheets: Sheets,
    Kind.privacy: Privacy,
    Kind.organisation: Organisation,
}
"""The model of each kind of file: drives loading, the JSON Schemas and the field docs."""
