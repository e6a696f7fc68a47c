"""``python -m fake_sheets --port PORT`` (from ``tests/``): an empty fake Sheets API to poke at.

See README.md in this folder: ``POST /v4/spreadsheets`` creates a spreadsheet, owned by the
account named in the bearer token.
"""

from __future__ import annotations

import argparse

from fake_sheets.contract import Contract
from fake_sheets.loopback import serve_alone


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m fake_sheets", description=__doc__)
    parser.add_argument("--port", type=int, default=8555, help="port on 127.0.0.1 (0: any)")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    options = parser.parse_args(argv)
    server = serve_alone(options.port, verbose=not options.quiet)
    host, port = server.server_address[:2]
    print(f"fake Sheets API v4 (discovery revision {Contract.load().revision}) on "
          f"http://{host}:{port}/v4/spreadsheets ; Ctrl-C to stop", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
