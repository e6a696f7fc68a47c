import sys

from konexio.cli import main

sys.exit(main())
