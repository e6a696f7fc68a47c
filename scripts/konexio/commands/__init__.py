"""One module per ``konexio`` subcommand."""
